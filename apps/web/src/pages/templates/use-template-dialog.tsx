import { useMemo, useState } from 'react';
import {
  ApiError,
  errorMessage,
  type ApiClient,
  type CredentialType,
  type CredentialView,
} from '../../api/client.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField } from '../../ui/select.js';
import { CredentialDialog } from '../credentials/credential-dialog.js';
import { templatesApi, type ImportedTemplate, type TemplateSummary } from './templates-api.js';

const NEW = '__new__';

/**
 * Asks only for the credentials the template declares: pick a stored one of the right type (the
 * only one is preselected) or create it inline. Server-side issues (`credentials.<slot>`) show
 * next to their slot.
 */
export function UseTemplateDialog({
  api,
  template,
  credentials,
  types,
  onClose,
  onImported,
  onCredentialCreated,
}: {
  api: ApiClient;
  template: TemplateSummary;
  credentials: CredentialView[];
  types: CredentialType[];
  onClose(): void;
  onImported(record: ImportedTemplate): void;
  onCredentialCreated(view: CredentialView): void;
}) {
  const byType = useMemo(() => {
    const map = new Map<string, CredentialView[]>();
    for (const c of credentials) map.set(c.type, [...(map.get(c.type) ?? []), c]);
    return map;
  }, [credentials]);
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      template.credentials.map((s) => {
        const options = byType.get(s.type) ?? [];
        return [s.slot, options.length === 1 ? options[0]!.id : ''];
      }),
    ),
  );
  const [creatingFor, setCreatingFor] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [activate, setActivate] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setErrors({});
    setFormError(undefined);
    const missing = template.credentials.filter((s) => !chosen[s.slot]);
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((s) => [s.slot, 'Choose a credential or create one.'])));
      return;
    }
    setBusy(true);
    try {
      onImported(await templatesApi(api).importTemplate(template.id, { credentials: chosen, activate }));
    } catch (e) {
      if (e instanceof ApiError && e.field?.startsWith('credentials.')) {
        setErrors({ [e.field.slice('credentials.'.length)]: errorMessage(e) });
      } else setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const creatingSlot = template.credentials.find((s) => s.slot === creatingFor);
  if (creatingSlot) {
    return (
      <CredentialDialog
        types={types.filter((t) => t.type === creatingSlot.type)}
        editing={undefined}
        onClose={() => setCreatingFor(undefined)}
        onSaved={(view) => {
          onCredentialCreated(view);
          setChosen((c) => ({ ...c, [creatingSlot.slot]: view.id }));
          setCreatingFor(undefined);
        }}
      />
    );
  }

  return (
    <Dialog
      open
      title={`Use “${template.name}”`}
      description={
        template.credentials.length
          ? 'This template needs these connections. Pick one you already have, or add it now.'
          : 'This template needs no connections.'
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      width={560}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={busy}>
            Create workflow
          </Button>
        </>
      }
    >
      {formError && (
        <p className="alert alert-error" role="alert">
          {formError}
        </p>
      )}
      {template.credentials.map((slot) => {
        const options = byType.get(slot.type) ?? [];
        const typeName = types.find((t) => t.type === slot.type)?.displayName ?? slot.type;
        return (
          <div key={slot.slot} className="template-slot">
            <SelectField
              label={`${typeName}: ${slot.description}`}
              value={chosen[slot.slot] ?? ''}
              options={[
                { value: '', label: options.length ? 'Choose…' : 'None yet' },
                ...options.map((c) => ({ value: c.id, label: c.name })),
                { value: NEW, label: `+ Add a ${typeName} credential` },
              ]}
              onChange={(e) => {
                if (e.target.value === NEW) setCreatingFor(slot.slot);
                else setChosen((c) => ({ ...c, [slot.slot]: e.target.value }));
              }}
            />
            {errors[slot.slot] && (
              <p className="field-error" role="alert">
                {errors[slot.slot]}
              </p>
            )}
          </div>
        );
      })}
      <label className="checkbox-row">
        <input type="checkbox" checked={activate} onChange={(e) => setActivate(e.target.checked)} /> Activate
        right away (register its webhooks and schedule)
      </label>
    </Dialog>
  );
}
