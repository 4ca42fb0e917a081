import { useCallback, useEffect } from 'react';
import { EditorApiError, type EditorApi } from './api.js';
import type { DocStore } from './state/doc-store.js';
import { parseServerField, type FieldErrorStore } from './state/field-errors.js';
import type { TypeLookup } from './state/doc-ops.js';
import type { RunStore } from './run/run-store.js';
import { useLiveEvents } from './run/use-live-events.js';

/**
 * Saving and running the workflow from the editor: save (with the stale-version prompt), test
 * runs (manual, test webhook, pinned data, run to/from here reusing the last run), live progress,
 * and server errors mapped onto the field they name.
 */

const AUTORUN_KEY = 'shopwire:autorun';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
}

export interface SaveAndRunDeps {
  api: EditorApi;
  store: DocStore;
  run: RunStore;
  errors: FieldErrorStore;
  lookup: TypeLookup;
  workflowId: string | undefined;
  readOnly: boolean;
  version: number | undefined;
  setVersion(version: number): void;
  setSaving(saving: boolean): void;
  setConfirm(confirm: ConfirmRequest | undefined): void;
  toast(message: string, kind?: 'info' | 'error' | 'success'): void;
  navigate(path: string): void;
  openPalette(): void;
  openPanel(nodeId: string): void;
}

export function useSaveAndRun(deps: SaveAndRunDeps) {
  const {
    api,
    store,
    run,
    errors,
    lookup,
    workflowId,
    readOnly,
    version,
    setVersion,
    setSaving,
    setConfirm,
    toast,
    navigate,
    openPalette,
    openPanel,
  } = deps;
  const showServerError = useCallback(
    (e: unknown, what: string) => {
      if (e instanceof EditorApiError && e.field) {
        const parsed = parseServerField(e.field);
        const node = parsed ? store.doc.nodes[parsed.index] : undefined;
        if (node && parsed) {
          errors.set(node.id, parsed.path, e.message);
          openPanel(node.id);
          toast(`${what}: “${node.name}” ${parsed.path ? `→ ${parsed.path}` : ''}: ${e.message}`, 'error');
          return;
        }
        toast(`${what}: ${e.field}: ${e.message}`, 'error');
        return;
      }
      toast(`${what}: ${(e as Error).message}`, 'error');
    },
    [store, errors, toast, openPanel],
  );

  const save = useCallback(async (): Promise<string | undefined> => {
    if (readOnly) return undefined;
    const doc = store.doc;
    setSaving(true);
    errors.clear();
    try {
      if (!workflowId) {
        const created = await api.createWorkflow(doc);
        store.markSaved(doc);
        toast('Workflow saved', 'success');
        navigate(`/workflows/${created.id}`);
        return created.id;
      }
      const rec = await api.saveWorkflow(workflowId, doc, version ?? 1);
      setVersion(rec.version);
      if (store.doc === doc) store.markSaved();
      else store.markSaved(undefined);
      toast('Saved', 'success');
      return workflowId;
    } catch (e) {
      if (e instanceof EditorApiError && e.status === 409) {
        setConfirm({
          title: 'Someone else saved this workflow',
          message:
            'It was changed in another tab or by another person since you opened it. Overwrite their version with yours, or cancel and copy your changes first.',
          confirmLabel: 'Overwrite',
          danger: true,
          onConfirm: () => {
            setConfirm(undefined);
            void api
              .getWorkflow(workflowId!)
              .then(async (latest) => {
                const rec = await api.saveWorkflow(workflowId!, store.doc, latest.version);
                setVersion(rec.version);
                store.markSaved();
                toast('Saved (overwrote the other version)', 'success');
              })
              .catch((err: unknown) => showServerError(err, 'Could not save'));
          },
        });
      } else showServerError(e, 'Could not save');
      return undefined;
    } finally {
      setSaving(false);
    }
  }, [api, store, errors, workflowId, version, readOnly, toast, navigate, showServerError]);

  const runWorkflow = useCallback(
    async (options: { startNodeId?: string; destinationNodeId?: string } = {}) => {
      if (readOnly) return;
      if (!workflowId) {
        const id = await save();
        if (id) sessionStorage.setItem(AUTORUN_KEY, id);
        return;
      }
      const doc = store.doc;
      const triggers = doc.nodes.filter((n) => lookup(n.type)?.kind === 'trigger' && !n.disabled);
      if (triggers.length === 0 && !options.startNodeId) {
        toast('Add a trigger first: “Manual trigger” lets you run the workflow from here', 'error');
        openPalette();
        return;
      }
      errors.clear();
      const manual = triggers.find((n) => n.type === 'core.manualTrigger');
      const webhook = triggers.find((n) => n.type === 'core.webhook');
      const pinnedWebhook = webhook && doc.pinData[webhook.id];
      try {
        if (!manual && webhook && !pinnedWebhook && !options.startNodeId) {
          const r = await api.testWebhook(workflowId, doc);
          run.begin('listening', undefined, r.urls[0]);
          return;
        }
        const start =
          options.startNodeId ?? (manual ? undefined : (pinnedWebhook ? webhook : triggers[0])?.id);
        // run to/from here: the server reuses the last run's upstream steps (prior-steps.ts)
        const prior = options.startNodeId || options.destinationNodeId ? run.get().executionId : undefined;
        run.begin('starting');
        const exec = await api.run(workflowId, {
          document: doc,
          ...(start ? { startNodeId: start } : {}),
          ...(options.destinationNodeId ? { destinationNodeId: options.destinationNodeId } : {}),
          ...(prior ? { priorExecutionId: prior } : {}),
        });
        if (run.get().executionId !== exec.id) {
          run.set({ executionId: exec.id, status: 'running' });
          run.replay(exec.id);
        }
      } catch (e) {
        run.set({ status: 'idle' });
        showServerError(e, 'Could not run');
      }
    },
    [api, store, run, errors, lookup, workflowId, readOnly, save, toast, openPalette, showServerError],
  );

  useLiveEvents({
    api,
    workflowId: readOnly ? undefined : workflowId,
    run,
    onFinished: (executionId) => {
      void api.getExecution(executionId).then((detail) => {
        if (run.get().executionId !== executionId) return;
        run.load(executionId, detail.status as never, detail.error ?? undefined, detail.steps);
        if (detail.status === 'error' && detail.error) {
          const failed = detail.error as { nodeName?: string; message: string };
          toast(`Run failed${failed.nodeName ? ` at “${failed.nodeName}”` : ''}: ${failed.message}`, 'error');
        } else if (detail.status === 'success') toast('Workflow ran successfully', 'success');
      });
    },
  });

  useEffect(() => {
    if (workflowId && sessionStorage.getItem(AUTORUN_KEY) === workflowId) {
      sessionStorage.removeItem(AUTORUN_KEY);
      setTimeout(() => void runWorkflow(), 300);
    }
    // once per opened workflow: runWorkflow changes identity on every edit and must not re-trigger this
  }, [workflowId]);

  return { save, runWorkflow, showServerError };
}
