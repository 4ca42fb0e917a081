import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { Workflow } from '@shopwire/sdk';
import type { EditorApi } from './api.js';
import { EditorContext, type EditorContextValue } from './editor-context.js';
import { DocStore } from './state/doc-store.js';
import { FieldErrorStore } from './state/field-errors.js';
import { RunStore } from './run/run-store.js';
import { addNode, newId, removeNodes } from './state/doc-ops.js';
import { autoLayout } from './state/auto-layout.js';
import { copySelection, parseClipboard, pasteInto } from './state/clipboard.js';
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
import { useSaveAndRun } from './use-save-and-run.js';
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
    steps: import('@shopwire/sdk').StepRecord[];
  };
}

type Side =
  | { kind: 'palette'; from?: { node: string; output: string }; filter: 'all' | 'triggers' | 'noTriggers' }
  | { kind: 'panel'; nodeId: string }
  | { kind: 'versions' }
  | undefined;
type Confirm =
  { title: string; message: string; confirmLabel: string; danger?: boolean; onConfirm(): void } | undefined;

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
  const [side, setSide] = useState<Side>();
  const [help, setHelp] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>();
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(loaded.version);
  const [active, setActive] = useState(loaded.active);
  const lastPaste = useRef({ text: '', count: 0 });
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

  const openPalette = useCallback(
    (from?: { node: string; output: string }) => {
      const hasNodes = store.doc.nodes.length > 0;
      setSide({ kind: 'palette', from, filter: from ? 'noTriggers' : hasNodes ? 'all' : 'triggers' });
    },
    [store],
  );
  const openPanel = useCallback(
    (nodeId: string) => {
      setSide({ kind: 'panel', nodeId });
      // the panel covers the right part of the canvas: keep the opened node visible left of it
      const node = store.doc.nodes.find((n) => n.id === nodeId);
      const el = document.querySelector('.swe-canvas')?.getBoundingClientRect();
      if (!node || !el) return;
      const zoom = flow.getZoom();
      const panel = Math.min(560, window.innerWidth * 0.6);
      const right = flow.flowToScreenPosition({ x: node.position[0] + 220, y: node.position[1] }).x;
      if (right > el.right - panel - 16) {
        const free = el.width - panel;
        flow.setCenter(node.position[0] + 110 + (el.width / 2 - free / 2) / zoom, node.position[1] + 32, {
          zoom,
          duration: 150,
        });
      }
    },
    [store, flow],
  );

  const ctx = useMemo<EditorContextValue>(
    () => ({ api, store, run, errors, lookup, readOnly, openPalette, openPanel, toast }),
    [api, store, run, errors, lookup, readOnly, openPalette, openPanel, toast],
  );

  // ---------------------------------------------------------------- document actions
  const placeNode = useCallback(
    (desc: NodeTypeDescription, at?: [number, number], from?: { node: string; output: string }) => {
      let position = at;
      const source = from ? store.doc.nodes.find((n) => n.id === from.node) : undefined;
      if (!position && source) {
        const siblings = store.doc.connections.filter((c) => c.from.node === source.id).length;
        position = [source.position[0] + 300, source.position[1] + siblings * 110];
      }
      if (!position) {
        const el = document.querySelector('.swe-canvas')?.getBoundingClientRect();
        const p = flow.screenToFlowPosition({
          x: (el?.left ?? 0) + (el?.width ?? 800) / 2,
          y: (el?.top ?? 0) + (el?.height ?? 600) / 2,
        });
        const last = store.doc.nodes[store.doc.nodes.length - 1];
        position = last
          ? [last.position[0] + 300, last.position[1]]
          : [Math.round(p.x - 110), Math.round(p.y - 32)];
      }
      let created = '';
      store.update((d) => {
        const r = addNode(d, desc, position, from);
        created = r.node.id;
        return r.doc;
      });
      setSide({ kind: 'panel', nodeId: created });
      // keep the new node (and its + buttons) visible left of the panel
      const zoom = flow.getZoom();
      flow.setCenter(position[0] + 110 + 260 / zoom, position[1] + 32, { zoom, duration: 0 });
    },
    [store, flow],
  );

  useEffect(() => {
    const onAdd = (e: Event) => {
      const { type, position } = (e as CustomEvent<{ type: string; position: [number, number] }>).detail;
      const desc = typeMap.get(type);
      if (desc) placeNode(desc, [Math.round(position[0]), Math.round(position[1])]);
    };
    window.addEventListener('swe:add-node', onAdd);
    return () => window.removeEventListener('swe:add-node', onAdd);
  }, [typeMap, placeNode]);

  const deleteSelection = useCallback(() => {
    const ids = selection.current.nodes;
    const edges = selection.current.edges;
    if (ids.size === 0 && edges.size === 0) return;
    store.update((d) => {
      const next = removeNodes(d, ids);
      const conns = next.connections.filter(
        (c) => !edges.has(`${c.from.node}:${c.from.output}->${c.to.node}:${c.to.input}`),
      );
      return conns.length === next.connections.length ? next : { ...next, connections: conns };
    });
    if (side?.kind === 'panel' && ids.has(side.nodeId)) setSide(undefined);
    selection.current.nodes = new Set();
    selection.current.edges = new Set();
  }, [store, side]);

  const confirmDeleteNode = useCallback(
    (nodeId: string) => {
      const node = store.doc.nodes.find((n) => n.id === nodeId);
      if (!node) return;
      setConfirm({
        title: `Delete “${node.name}”?`,
        message: 'The node and its connections are removed. Undo (Ctrl+Z) brings them back.',
        confirmLabel: 'Delete node',
        danger: true,
        onConfirm: () => {
          setConfirm(undefined);
          setSide(undefined);
          store.update((d) => removeNodes(d, new Set([nodeId])));
        },
      });
    },
    [store],
  );

  const paste = useCallback(
    (text: string) => {
      const payload = parseClipboard(text);
      if (!payload || payload.nodes.length + (payload.stickyNotes?.length ?? 0) === 0) {
        toast('The clipboard holds no Shopwire nodes', 'info');
        return;
      }
      const unknown = payload.nodes.filter((n) => !typeMap.has(n.type)).map((n) => n.type);
      // land in view: the selection's top-left at the visible canvas centre, staggered on repeats
      const repeat = lastPaste.current.text === text ? lastPaste.current.count + 1 : 0;
      lastPaste.current = { text, count: repeat };
      const el = document.querySelector('.swe-canvas')?.getBoundingClientRect();
      const centre = flow.screenToFlowPosition({
        x: (el?.left ?? 0) + (el?.width ?? 800) / 3,
        y: (el?.top ?? 0) + (el?.height ?? 600) / 3,
      });
      const xs = payload.nodes.map((n) => n.position?.[0] ?? 0);
      const ys = payload.nodes.map((n) => n.position?.[1] ?? 0);
      const offset: [number, number] = [
        Math.round(centre.x - (xs.length ? Math.min(...xs) : 0) + repeat * 40),
        Math.round(centre.y - (ys.length ? Math.min(...ys) : 0) + repeat * 40),
      ];
      let ids: string[] = [];
      store.update((d) => {
        const r = pasteInto(d, payload, offset);
        ids = r.ids;
        return r.doc;
      });
      selection.current.select(ids);
      toast(
        `Pasted ${payload.nodes.length} node${payload.nodes.length === 1 ? '' : 's'}${unknown.length ? ` (unknown types: ${[...new Set(unknown)].join(', ')})` : ''}`,
        'success',
      );
    },
    [store, toast, typeMap, flow],
  );

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

  const toggleActive = useCallback(async () => {
    if (!workflowId) return;
    if (dirty && !(await save())) return;
    try {
      await api.setActive(workflowId, !active);
      setActive(!active);
      toast(!active ? 'Workflow is active: its triggers are live' : 'Workflow deactivated', 'success');
    } catch (e) {
      showServerError(e, active ? 'Could not deactivate' : 'Could not activate');
    }
  }, [api, workflowId, active, dirty, save, toast, showServerError]);

  const restore = useCallback(
    (v: number) => {
      if (!workflowId) return;
      const go = () =>
        api
          .restoreVersion(workflowId, v)
          .then((rec) => {
            store.reset(rec.document);
            setVersion(rec.version);
            setSide(undefined);
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
    [api, workflowId, store, dirty, toast, showServerError],
  );

  const addSticky = useCallback(() => {
    const el = document.querySelector('.swe-canvas')?.getBoundingClientRect();
    const p = flow.screenToFlowPosition({ x: (el?.left ?? 0) + 80, y: (el?.top ?? 0) + 80 });
    store.update((d) => ({
      ...d,
      stickyNotes: [
        ...d.stickyNotes,
        { id: newId('s'), text: '', position: [Math.round(p.x), Math.round(p.y)], size: [240, 160] },
      ],
    }));
  }, [store, flow]);

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
      copy: () => {
        const ids = selection.current.nodes;
        if (ids.size === 0) return undefined;
        toast(`Copied ${ids.size} node${ids.size === 1 ? '' : 's'}`, 'info');
        return copySelection(store.doc, ids);
      },
      paste: (text) => !readOnly && paste(text),
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
          onSticky={addSticky}
          onAddNode={() => openPalette()}
          onVersions={() => setSide({ kind: 'versions' })}
          onHelp={() => setHelp(true)}
          onToggleActive={() => void toggleActive()}
          onDelete={() =>
            setConfirm({
              title: 'Delete this workflow?',
              message: `“${store.doc.name}” and its versions will be deleted. Its executions stay in the list. This cannot be undone.`,
              confirmLabel: 'Delete workflow',
              danger: true,
              onConfirm: () => {
                setConfirm(undefined);
                void api.deleteWorkflow(workflowId!).then(
                  () => {
                    store.markSaved();
                    toast('Workflow deleted', 'success');
                    navigate('/workflows');
                  },
                  (e: unknown) => showServerError(e, 'Could not delete'),
                );
              },
            })
          }
        />
        <RunBanner
          state={runState}
          execution={loaded.execution}
          workflowId={workflowId}
          onRetry={() =>
            loaded.execution &&
            void api.retryExecution(loaded.execution.id).then(
              (r) => navigate(`/executions/${r.id}`),
              (e: unknown) => showServerError(e, 'Could not retry'),
            )
          }
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
              onClose={() => setSide(undefined)}
              onPick={(desc) => placeNode(desc, undefined, side.from)}
            />
          )}
          {side?.kind === 'panel' && (
            <NodePanel
              key={side.nodeId}
              nodeId={side.nodeId}
              onClose={() => setSide(undefined)}
              onRun={(o) => void runWorkflow(o)}
              onDelete={() => confirmDeleteNode(side.nodeId)}
            />
          )}
          {side?.kind === 'versions' && workflowId && (
            <VersionsPanel
              api={api}
              workflowId={workflowId}
              current={version ?? 0}
              onRestore={restore}
              onClose={() => setSide(undefined)}
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
