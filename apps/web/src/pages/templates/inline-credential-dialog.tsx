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
import { TextField } from '../../ui/input.js';
import {
  initialValues,
  SchemaForm,
  schemaFields,
  valuesToData,
  type FormValues,
} from '../credentials/schema-form.js';

/**
 * Creates a credential of one known type (the template slot's) without leaving the "Use template"
 * dialog: no type picker, the form opens on that type's fields. Secrets live only in this form's
 * state and are dropped when it closes.
 */
export function InlineCredentialDialog({
  api,
  type,
  onClose,
  onSaved,
}: {
  api: ApiClient;
  type: CredentialType;
  onClose(): void;
  onSaved(view: CredentialView): void;
}) {
  const fields = useMemo(() => schemaFields(type.schema, type.secretFields), [type]);
  const [name, setName] = useState(type.displayName);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setErrors({});
    setFormError(undefined);
    if (!name.trim()) return setErrors({ name: 'Give the credential a name.' });
    setBusy(true);
    try {
      const data = valuesToData(fields, values, 'create');
      const view = await api.credentials.create({ name: name.trim(), type: type.type, data });
      setValues(initialValues(fields));
      onSaved(view);
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
      title={`Add a ${type.displayName} credential`}
      description={
        type.description ??
        'Credentials are encrypted on the server and only used by the nodes that you connect them to.'
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      width={520}
      footer={
        <>
          <Button onClick={onClose}>Back</Button>
          <Button type="submit" variant="primary" loading={busy}>
            Save credential
          </Button>
        </>
      }
    >
      {formError && (
        <p className="alert alert-error" role="alert">
          {formError}
        </p>
      )}
      <TextField
        label="Name"
        required
        maxLength={200}
        value={name}
        hint="How you'll recognise it when picking a credential in a node."
        error={errors['name']}
        onChange={(e) => setName(e.target.value)}
      />
      <SchemaForm fields={fields} values={values} onChange={setValues} storedSecrets={[]} errors={errors} />
    </Dialog>
  );
}
