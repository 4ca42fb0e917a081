import { useState } from 'react';
import { api, errorMessage, type WorkflowRecord } from '../../api/client.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { TextField } from '../../ui/input.js';

/** Names a new, empty workflow and creates it; the caller opens it in the editor. */
export function NewWorkflowDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(record: WorkflowRecord): void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const close = () => {
    setName('');
    setError(undefined);
    onClose();
  };

  const submit = async () => {
    if (!name.trim()) return setError('Give the workflow a name.');
    setBusy(true);
    setError(undefined);
    try {
      const record = await api.workflows.create({ name: name.trim(), nodes: [], connections: [] });
      setName('');
      onCreated(record);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      title="Create a workflow"
      onClose={close}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" loading={busy}>
            Create and open
          </Button>
        </>
      }
    >
      <TextField
        label="Workflow name"
        value={name}
        autoFocus
        maxLength={200}
        placeholder="e.g. New order → Slack"
        error={error}
        onChange={(e) => setName(e.target.value)}
      />
    </Dialog>
  );
}
