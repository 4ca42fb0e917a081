import { useState } from 'react';
import { api, ApiError, errorMessage, type Variable } from '../../api/client.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { TextAreaField, TextField } from '../../ui/input.js';

const KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Add a variable, or change the value of one (the key is its identity: fixed when editing). */
export function VariableDialog({
  editing,
  existingKeys,
  onClose,
  onSaved,
}: {
  editing: Variable | undefined;
  existingKeys: string[];
  onClose(): void;
  onSaved(variable: Variable): void;
}) {
  const [key, setKey] = useState(editing?.key ?? '');
  const [value, setValue] = useState(editing?.value ?? '');
  const [errors, setErrors] = useState<{ key?: string; value?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!KEY.test(key))
      return setErrors({
        key: 'Start with a letter or _, then letters, digits or _ only (64 characters at most).',
      });
    if (!editing && existingKeys.includes(key))
      return setErrors({ key: `A variable named ${key} exists already: edit it instead.` });
    setBusy(true);
    setErrors({});
    try {
      onSaved(await api.variables.set(key, value));
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      setErrors(field === 'key' ? { key: errorMessage(e) } : { value: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title={editing ? `Edit ${editing.key}` : 'Add a variable'}
      description={
        <>
          Use it in any expression as <code>{`{{ $vars.${key || 'name'} }}`}</code>.
        </>
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={busy}>
            {editing ? 'Save' : 'Add variable'}
          </Button>
        </>
      }
    >
      <TextField
        label="Key"
        required
        readOnly={!!editing}
        autoFocus={!editing}
        spellCheck={false}
        maxLength={64}
        placeholder="SHOP_DOMAIN"
        value={key}
        error={errors.key}
        onChange={(e) => setKey(e.target.value)}
      />
      <TextAreaField
        label="Value"
        rows={4}
        autoFocus={!!editing}
        spellCheck={false}
        value={value}
        error={errors.value}
        hint="Plain text. Variables are visible to everyone who can edit workflows: keep secrets in credentials."
        onChange={(e) => setValue(e.target.value)}
      />
    </Dialog>
  );
}
