import { useId, useState } from 'react';
import { api, errorMessage, type ApiKey, type ApiKeyScope } from '../../api/client.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { TextField } from '../../ui/input.js';
import { SelectField } from '../../ui/select.js';
import { SecretField } from './secret-field.js';

export const SCOPES: { value: ApiKeyScope; label: string; hint: string }[] = [
  {
    value: 'read',
    label: 'Read',
    hint: 'Reads workflows, executions, users and the audit log (as your role allows).',
  },
  { value: 'execute', label: 'Execute', hint: 'Reads, and runs, retries and cancels workflows.' },
  { value: 'manage', label: 'Manage', hint: 'Everything your role allows, including changes and new keys.' },
];

/**
 * Create an API key. The server answers with the key once and keeps only its hash, so the second
 * step shows it in a copyable field with a warning; after "Done" it is gone from the app too.
 */
export function CreateApiKeyDialog({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated(key: ApiKey): void;
}) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('read');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<ApiKey & { key: string }>();
  const scopeHintId = useId();

  const submit = async () => {
    if (!name.trim()) return setError('Name the key after what uses it, like “Stock sync script”.');
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.apiKeys.create({ name: name.trim(), scope });
      setCreated(result);
      const { key: _secret, ...listed } = result;
      onCreated(listed);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (created)
    return (
      <Dialog
        open
        title="Copy your new API key"
        onClose={onClose}
        width={560}
        footer={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <p className="alert alert-warning" role="alert">
          This is the only time the key is shown. Copy it now and keep it somewhere safe: Shopwire stores only
          a hash and cannot show it again.
        </p>
        <SecretField
          label="API key"
          value={created.key}
          hint={`Send it as “Authorization: Bearer …”. Scope: ${created.scope}.`}
        />
      </Dialog>
    );

  return (
    <Dialog
      open
      title="Create an API key"
      description="For scripts and other tools. A key can never do more than your own role allows."
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={busy}>
            Create key
          </Button>
        </>
      }
    >
      <TextField
        label="Name"
        required
        autoFocus
        maxLength={200}
        value={name}
        error={error}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="field">
        <SelectField
          label="Scope"
          options={SCOPES.map((s) => ({ value: s.value, label: s.label }))}
          value={scope}
          aria-describedby={scopeHintId}
          onChange={(e) => setScope(e.target.value as ApiKeyScope)}
        />
        <p id={scopeHintId} className="field-hint">
          {SCOPES.find((s) => s.value === scope)?.hint}
        </p>
      </div>
    </Dialog>
  );
}
