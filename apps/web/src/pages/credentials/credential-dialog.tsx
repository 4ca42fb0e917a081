import { useMemo, useState } from 'react';
import { api, ApiError, errorMessage, type CredentialType, type CredentialView } from '../../api/client.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { TextField } from '../../ui/input.js';
import { SelectField } from '../../ui/select.js';
import { initialValues, SchemaForm, schemaFields, valuesToData, type FormValues } from './schema-form.js';

/**
 * Create a credential (pick a type, fill the generated form) or edit one. Secrets are write-only:
 * the form never holds a stored secret, and state is dropped when the dialog closes.
 */
export function CredentialDialog({
  types,
  editing,
  onClose,
  onSaved,
}: {
  types: CredentialType[];
  /** undefined: create */
  editing: CredentialView | undefined;
  onClose(): void;
  onSaved(view: CredentialView, created: boolean): void;
}) {
  const [typeName, setTypeName] = useState(editing?.type ?? '');
  const type = types.find((t) => t.type === typeName);
  const fields = useMemo(() => (type ? schemaFields(type.schema, type.secretFields) : []), [type]);
  const [name, setName] = useState(editing?.name ?? '');
  const [values, setValues] = useState<FormValues>(() => initialValues(fields, editing?.fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const pickType = (next: string) => {
    setTypeName(next);
    const t = types.find((x) => x.type === next);
    setValues(initialValues(t ? schemaFields(t.schema, t.secretFields) : []));
    setErrors({});
    if (!name.trim() && t) setName(t.displayName);
  };

  const submit = async () => {
    setErrors({});
    setFormError(undefined);
    if (!type) return setFormError('Choose what kind of credential this is.');
    if (!name.trim()) return setErrors({ name: 'Give the credential a name.' });
    setBusy(true);
    try {
      const data = valuesToData(fields, values, editing ? 'edit' : 'create');
      const view = editing
        ? await api.credentials.update(editing.id, { name: name.trim(), data })
        : await api.credentials.create({ name: name.trim(), type: type.type, data });
      setValues(initialValues(fields));
      onSaved(view, !editing);
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      const key = field?.startsWith('data.') ? field.slice(5) : field;
      if (key && (key === 'name' || fields.some((f) => f.key === key))) setErrors({ [key]: errorMessage(e) });
      else setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title={editing ? `Edit “${editing.name}”` : 'Add a credential'}
      description={
        editing
          ? 'Secret values are never shown again. Leave a secret empty to keep the stored one.'
          : 'Credentials are encrypted on the server and only used by the nodes that you connect them to.'
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      width={520}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={busy}>
            {editing ? 'Save changes' : 'Save credential'}
          </Button>
        </>
      }
    >
      {formError && (
        <p className="alert alert-error" role="alert">
          {formError}
        </p>
      )}
      {!editing && (
        <SelectField
          label="Credential type"
          options={[
            { value: '', label: 'Choose a type…' },
            ...types.map((t) => ({ value: t.type, label: t.displayName })),
          ]}
          value={typeName}
          onChange={(e) => pickType(e.target.value)}
        />
      )}
      {type?.description && <p className="muted">{type.description}</p>}
      {type && (
        <>
          <TextField
            label="Name"
            required
            maxLength={200}
            value={name}
            hint="How you'll recognise it when picking a credential in a node."
            error={errors['name']}
            onChange={(e) => setName(e.target.value)}
          />
          <SchemaForm
            fields={fields}
            values={values}
            onChange={setValues}
            storedSecrets={editing?.secretFieldsSet ?? []}
            errors={errors}
          />
        </>
      )}
    </Dialog>
  );
}
