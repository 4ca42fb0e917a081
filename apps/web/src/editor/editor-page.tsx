import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { StepRecord, Workflow } from '@shopwire/sdk';
import type { EditorApi } from './api.js';
import { EditorContext, type EditorContextValue } from './editor-context.js';
import { DocStore } from './state/doc-store.js';
import { FieldErrorStore } from './state/field-errors.js';
import { RunStore } from './run/run-store.js';
import { autoLayout } from './state/auto-layout.js';
import { Canvas, type CanvasSelection } from './canvas/canvas.js';
import { Palette } from './chrome/palette.js';
import { Toolbar } from './chrome/toolbar.js';
import { Toasts, useToasts } from './chrome/toasts.js';
import { HelpDialog } from './chrome/help-dialog.js';
import { VersionsPanel } from './chrome/versions-panel.js';
import { ConfirmDialog } from './chrome/dialog.js';
import { RunBanner } from './chrome/run-banner.js';
import { NodePanel } from './panel/node-panel.js';
import { useShortcuts } from './use-shortcuts.js';
import { useLeaveGuard } from './use-leave-guard.js';
import { useSaveAndRun, type ConfirmRequest } from './use-save-and-run.js';
import { useSidePanel } from './use-side-panel.js';
import { useCanvasActions } from './use-canvas-actions.js';
import { useEditorClipboard } from './use-editor-clipboard.js';
import { useWorkflowActions } from './use-workflow-actions.js';
import type { NodeTypeDescription } from './types.js';

export interface LoadedEditor {
  types: NodeTypeDescription[];
  doc: Workflow;
  workflowId: string | undefined;
  version: number | undefined;
  active: boolean | undefined;
  execution?: {
    id: string;
    status: string;
    error: { code: string; message: string } | null;
    steps: StepRecord[];
  };
}

export function EditorWorkspace(props: {
  api: EditorApi;
  loaded: LoadedEditor;
  navigate(path: string): void;
}) {
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

/**
 * The editor's workspace: owns the document, run and field-error stores and wires the actions
 * (use-*.ts beside this file) to the toolbar, the canvas, the side panels and the shortcuts.
 */
function Workspace({
  api,
  loaded,
  navigate,
}: {
  api: EditorApi;
  loaded: LoadedEditor;
  navigate(path: string): void;
}) {
  const readOnly = loaded.execution !== undefined;
  const [store] = useState(() => new DocStore(loaded.doc));
  const [run] = useState(() => new RunStore());
  const [errors] = useState(() => new FieldErrorStore());
  const typeMap = useMemo(() => new Map(loaded.types.map((t) => [t.type, t])), [loaded.types]);
  const lookup = useCallback((type: string) => typeMap.get(type), [typeMap]);
  const { toasts, push: toast, dismiss } = useToasts();
  const flow = useReactFlow();
  const [help, setHelp] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(loaded.version);
  const selection = useRef<CanvasSelection>({ nodes: new Set(), edges: new Set(), select: () => undefined });
  // primitives only: a keystroke in a node form must not re-render the whole workspace
  const dirty = useSyncExternalStore(store.subscribe, () => store.get().doc !== store.get().saved);
  const empty = useSyncExternalStore(store.subscribe, () => store.get().doc.nodes.length === 0);
  const runState = useSyncExternalStore(run.subscribe, run.get);
  const workflowId = loaded.workflowId;

  useEffect(() => {
    if (loaded.execution)
      run.load(
        loaded.execution.id,
        loaded.execution.status as never,
        loaded.execution.error ?? undefined,
        loaded.execution.steps,
      );
  }, [loaded.execution, run]);

  const { side, setSide, openPalette, openPanel, closeSidePanel } = useSidePanel(store);
  const ctx = useMemo<EditorContextValue>(
    () => ({ api, store, run, errors, lookup, readOnly, openPalette, openPanel, toast }),
    [api, store, run, errors, lookup, readOnly, openPalette, openPanel, toast],
  );
  const { placeNode, addStickyNote, deleteSelection, confirmDeleteNode } = useCanvasActions({
    store,
    lookup,
    selection,
    side,
    setSide,
    setConfirm,
  });
  const clipboard = useEditorClipboard({ store, lookup, selection, toast });
  const { save, runWorkflow, showServerError } = useSaveAndRun({
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
  });
  const { active, toggleActive, restoreVersion, confirmDeleteWorkflow, retryExecution } = useWorkflowActions({
    api,
    store,
    workflowId,
    initiallyActive: loaded.active,
    dirty,
    save,
    setVersion,
    closeSidePanel,
    setConfirm,
    toast,
    showServerError,
    navigate,
  });

  useShortcuts(
    {
      save: () => void save(),
      test: () => void runWorkflow(),
      undo: () => store.undo(),
      redo: () => store.redo(),
      deleteSelection,
      selectAll: () =>
        selection.current.select([
          ...store.doc.nodes.map((n) => n.id),
          ...store.doc.stickyNotes.map((s) => s.id),
        ]),
      fit: () => void flow.fitView({ maxZoom: 1, padding: 0.2, duration: 200 }),
      addNode: () => openPalette(),
      help: () => setHelp(true),
      copy: clipboard.copy,
      paste: (text) => !readOnly && clipboard.paste(text),
    },
    true,
  );

  useLeaveGuard(
    () => !readOnly && store.get().doc !== store.get().saved,
    (go) =>
      setConfirm({
        title: 'Leave without saving?',
        message: 'This workflow has unsaved changes. They will be lost if you leave.',
        confirmLabel: 'Leave without saving',
        danger: true,
        onConfirm: () => {
          setConfirm(undefined);
          store.markSaved();
          go();
        },
      }),
    navigate,
  );

  const running = ['starting', 'running'].includes(runState.status);

  return (
    <EditorContext.Provider value={ctx}>
      <div className="swe-root">
        <Toolbar
          readOnly={readOnly}
          saving={saving}
          running={running}
          active={active}
          canActivate={workflowId !== undefined}
          version={version}
          onRename={(name) =>
            name.trim() &&
            name.trim() !== store.doc.name &&
            store.update((d) => ({ ...d, name: name.trim().slice(0, 200) }))
          }
          onSave={() => void save()}
          onTest={() => void runWorkflow()}
          onUndo={() => store.undo()}
          onRedo={() => store.redo()}
          onLayout={() => {
            store.update(autoLayout);
            setTimeout(() => flow.fitView({ maxZoom: 1, padding: 0.2, duration: 200 }), 30);
          }}
          onFit={() => void flow.fitView({ maxZoom: 1, padding: 0.2, duration: 200 })}
          onSticky={addStickyNote}
          onAddNode={() => openPalette()}
          onVersions={() => setSide({ kind: 'versions' })}
          onHelp={() => setHelp(true)}
          onToggleActive={() => void toggleActive()}
          onDelete={confirmDeleteWorkflow}
        />
        <RunBanner
          state={runState}
          execution={loaded.execution}
          workflowId={workflowId}
          onRetry={() => loaded.execution && retryExecution(loaded.execution.id)}
          onOpenWorkflow={() => workflowId && navigate(`/workflows/${workflowId}`)}
          onStopListening={() => run.reset()}
          toast={toast}
        />
        <div className="swe-main">
          <Canvas selection={selection} onNodeOpen={openPanel} />
          {empty && !readOnly && (
            <div className="swe-empty">
              <button type="button" className="swe-empty-card" onClick={() => openPalette()}>
                <span className="swe-empty-plus" aria-hidden="true">
                  +
                </span>
                <span className="swe-empty-title">Add a trigger to start</span>
                <span className="swe-muted">
                  A trigger starts the workflow: a manual click, a webhook call, a schedule…
                </span>
              </button>
            </div>
          )}
          {side?.kind === 'palette' && (
            <Palette
              types={loaded.types}
              filter={side.filter}
              title={
                side.from
                  ? 'Add the next node'
                  : side.filter === 'triggers'
                    ? 'Choose a trigger'
                    : 'Add a node'
              }
              onClose={closeSidePanel}
              onPick={(desc) => placeNode(desc, undefined, side.from)}
            />
          )}
          {side?.kind === 'panel' && (
            <NodePanel
              key={side.nodeId}
              nodeId={side.nodeId}
              onClose={closeSidePanel}
              onRun={(o) => void runWorkflow(o)}
              onDelete={() => confirmDeleteNode(side.nodeId)}
            />
          )}
          {side?.kind === 'versions' && workflowId && (
            <VersionsPanel
              api={api}
              workflowId={workflowId}
              current={version ?? 0}
              onRestore={restoreVersion}
              onClose={closeSidePanel}
            />
          )}
        </div>
        {help && <HelpDialog onClose={() => setHelp(false)} />}
        {confirm && <ConfirmDialog {...confirm} onCancel={() => setConfirm(undefined)} />}
        <Toasts toasts={toasts} dismiss={dismiss} />
      </div>
    </EditorContext.Provider>
  );
}
