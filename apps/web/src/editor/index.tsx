import { useEffect, useMemo, useState } from 'react';
import '@xyflow/react/dist/style.css';
import './editor.css';
import type { Workflow } from '@shopwire/sdk';
import { api as shellApi, type ApiClient } from '../api/client.js';
import { createEditorApi, type EditorApi } from './api.js';
import { EditorWorkspace, type LoadedEditor } from './editor-page.js';

/**
 * The canvas editor page. The shell renders it lazily for /workflows/new, /workflows/:id and
 * /executions/:id. `api` is the shell's ApiClient; the editor uses it through EditorApi (api.ts).
 */
export interface EditorPageProps {
  workflowId?: string;
  executionId?: string;
  api?: ApiClient;
  navigate(path: string): void;
}

const emptyWorkflow = (): Workflow => ({
  schemaVersion: 1,
  name: 'My workflow',
  nodes: [],
  connections: [],
  settings: {
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    timeoutMs: 300_000,
    concurrency: 4,
    retention: { saveSuccessData: true, saveErrorData: true, saveManualData: true },
    missedSchedules: 'skip',
  },
  pinData: {},
  stickyNotes: [],
  tags: [],
});

export function EditorPage(props: EditorPageProps) {
  const api = useMemo<EditorApi>(() => createEditorApi(props.api ?? shellApi), [props.api]);
  const key = `${props.workflowId ?? ''}|${props.executionId ?? ''}`;
  const [loaded, setLoaded] = useState<{ key: string; value: LoadedEditor } | undefined>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    setError(undefined);
    (async (): Promise<LoadedEditor> => {
      const types = await api.nodeTypes();
      if (props.executionId) {
        const exec = await api.getExecution(props.executionId);
        // the document the execution actually ran (unsaved edits included); old rows: the saved version
        const snapshot =
          exec.document ?? (await api.getVersion(exec.workflowId, exec.workflowVersion)).document;
        return {
          types,
          doc: snapshot,
          workflowId: exec.workflowId,
          version: exec.workflowVersion,
          active: undefined,
          execution: { id: exec.id, status: exec.status, error: exec.error, steps: exec.steps },
        };
      }
      if (props.workflowId) {
        const rec = await api.getWorkflow(props.workflowId);
        return { types, doc: rec.document, workflowId: rec.id, version: rec.version, active: rec.active };
      }
      return { types, doc: emptyWorkflow(), workflowId: undefined, version: undefined, active: undefined };
    })().then(
      (value) => !cancelled && setLoaded({ key, value }),
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
    };
  }, [api, key, props.workflowId, props.executionId]);

  if (error)
    return (
      <div className="swe-loading" role="alert">
        <p>Could not open the editor: {error}</p>
        <button type="button" className="swe-btn swe-btn-ghost" onClick={() => props.navigate('/workflows')}>
          Back to workflows
        </button>
      </div>
    );
  if (!loaded || loaded.key !== key)
    return (
      <div className="swe-loading" aria-busy="true">
        <span className="swe-spinner" /> Loading editor…
      </div>
    );
  return <EditorWorkspace key={key} api={api} loaded={loaded.value} navigate={props.navigate} />;
}

export default EditorPage;
