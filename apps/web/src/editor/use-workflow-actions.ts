import { useCallback, useState } from 'react';
import type { EditorApi } from './api.js';
import type { EditorContextValue } from './editor-context.js';
import type { DocStore } from './state/doc-store.js';
import type { ConfirmRequest } from './use-save-and-run.js';

export interface WorkflowActionDeps {
  api: EditorApi;
  store: DocStore;
  /** undefined for a new, never saved workflow */
  workflowId: string | undefined;
  initiallyActive: boolean | undefined;
  /** the document has unsaved changes */
  dirty: boolean;
  save(): Promise<string | undefined>;
  setVersion(version: number): void;
  closeSidePanel(): void;
  setConfirm(confirm: ConfirmRequest | undefined): void;
  toast: EditorContextValue['toast'];
  showServerError(e: unknown, what: string): void;
  navigate(path: string): void;
}

/**
 * Actions on the stored workflow (not on the document being edited): activate or deactivate its
 * triggers, restore an old version, delete the workflow, retry a failed execution.
 */
export function useWorkflowActions(deps: WorkflowActionDeps) {
  const { api, store, workflowId, dirty, save, setVersion, closeSidePanel, setConfirm } = deps;
  const { toast, showServerError, navigate } = deps;
  const [active, setActive] = useState(deps.initiallyActive);

  const toggleActive = useCallback(async () => {
    if (!workflowId) return;
    // the server activates what is saved: save pending edits first
    if (dirty && !(await save())) return;
    try {
      await api.setActive(workflowId, !active);
      setActive(!active);
      toast(!active ? 'Workflow is active: its triggers are live' : 'Workflow deactivated', 'success');
    } catch (e) {
      showServerError(e, active ? 'Could not deactivate' : 'Could not activate');
    }
  }, [api, workflowId, active, dirty, save, toast, showServerError]);

  const restoreVersion = useCallback(
    (v: number) => {
      if (!workflowId) return;
      const go = () =>
        api
          .restoreVersion(workflowId, v)
          .then((rec) => {
            store.reset(rec.document);
            setVersion(rec.version);
            closeSidePanel();
            toast(`Restored version ${v} (saved as version ${rec.version})`, 'success');
          })
          .catch((e: unknown) => showServerError(e, 'Could not restore'));
      setConfirm({
        title: `Restore version ${v}?`,
        message: dirty
          ? 'Your unsaved changes will be lost. The old version becomes a new current version.'
          : 'The old version becomes a new current version; nothing is deleted.',
        confirmLabel: 'Restore',
        onConfirm: () => {
          setConfirm(undefined);
          void go();
        },
      });
    },
    [api, workflowId, store, dirty, setVersion, closeSidePanel, setConfirm, toast, showServerError],
  );

  const confirmDeleteWorkflow = useCallback(() => {
    // the toolbar's delete button is disabled until the workflow has been saved
    if (!workflowId) return;
    setConfirm({
      title: 'Delete this workflow?',
      message: `“${store.doc.name}” and its versions will be deleted. Its executions stay in the list. This cannot be undone.`,
      confirmLabel: 'Delete workflow',
      danger: true,
      onConfirm: () => {
        setConfirm(undefined);
        void api.deleteWorkflow(workflowId).then(
          () => {
            store.markSaved();
            toast('Workflow deleted', 'success');
            navigate('/workflows');
          },
          (e: unknown) => showServerError(e, 'Could not delete'),
        );
      },
    });
  }, [api, workflowId, store, setConfirm, toast, navigate, showServerError]);

  const retryExecution = useCallback(
    (executionId: string) =>
      void api.retryExecution(executionId).then(
        (r) => navigate(`/executions/${r.id}`),
        (e: unknown) => showServerError(e, 'Could not retry'),
      ),
    [api, navigate, showServerError],
  );

  return { active, toggleActive, restoreVersion, confirmDeleteWorkflow, retryExecution };
}
