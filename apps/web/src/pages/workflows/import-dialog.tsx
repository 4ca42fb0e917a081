import { useState } from 'react';
import { api, errorMessage, type WorkflowRecord } from '../../api/client.js';
import { importWorkflowText } from '../../lib/workflow-import.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';
import { TextAreaField } from '../../ui/input.js';

/** Paste a workflow JSON document; errors (bad JSON, a field the server rejects) stay in the dialog. */
export function ImportDialog({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose(): void;
  onImported(record: WorkflowRecord & { created: boolean }): void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const close = () => {
    setText('');
    setError(undefined);
    onClose();
  };

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const record = await importWorkflowText(api, text);
      setText('');
      onImported(record);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      title="Import a workflow"
      description="Paste a workflow exported from Shopwire (a JSON document with a name and nodes)."
      onClose={close}
      onSubmit={() => void submit()}
      width={640}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" loading={busy} disabled={!text.trim()}>
            Import
          </Button>
        </>
      }
    >
      <TextAreaField
        label="Workflow JSON"
        value={text}
        rows={12}
        spellCheck={false}
        placeholder='{ "name": "My workflow", "nodes": [ ... ], "connections": [ ... ] }'
        error={error}
        onChange={(e) => setText(e.target.value)}
      />
    </Dialog>
  );
}
