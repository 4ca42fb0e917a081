import { useId, useMemo, useState } from 'react';
import {
  ApiError,
  errorMessage,
  type ApiClient,
  type CredentialType,
  type CredentialView,
} from '../../api/client.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { InlineCredentialDialog } from './inline-credential-dialog.js';
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
    // by name, so the list reads the same whichever order they were created in
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name));
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
  const creatingType = creatingSlot && types.find((t) => t.type === creatingSlot.type);
  if (creatingSlot && creatingType) {
    return (
      <InlineCredentialDialog
        api={api}
        type={creatingType}
        onClose={() => setCreatingFor(undefined)}
        onSaved={(view) => {
          onCredentialCreated(view);
          setChosen((c) => ({ ...c, [creatingSlot.slot]: view.id }));
          setErrors(({ [creatingSlot.slot]: _done, ...rest }) => rest);
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
          <SlotField
            key={slot.slot}
            label={typeName}
            hint={slot.description}
            error={errors[slot.slot]}
            value={chosen[slot.slot] ?? ''}
            options={[
              { value: '', label: options.length ? 'Choose…' : 'None yet' },
              ...options.map((c) => ({ value: c.id, label: c.name })),
              { value: NEW, label: `+ Add a ${typeName} credential` },
            ]}
            onChange={(value) => {
              if (value === NEW) setCreatingFor(slot.slot);
              else setChosen((c) => ({ ...c, [slot.slot]: value }));
            }}
          />
        );
      })}
      <label className="checkbox template-activate">
        <input type="checkbox" checked={activate} onChange={(e) => setActivate(e.target.checked)} /> Activate
        right away (register its webhooks and schedule)
      </label>
    </Dialog>
  );
}

/** One credential slot: the type is the label, the template's reason the hint, a problem the error. */
function SlotField(props: {
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      <select
        id={id}
        className="input select"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        {props.hint}
      </p>
      {props.error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
