import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  useStore,
  type Connection as RfConnection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import type { Workflow } from '@shopwire/sdk';
import { useEditor } from '../editor-context.js';
import { canvasSnapshot } from './canvas-snapshot.js';
import { connectionProblem } from '../state/doc-ops.js';
import { nodeInputCount, nodeOutputs } from '../state/node-shape.js';
import { DeletableEdge, edgeId } from './deletable-edge.js';
import { StickyNodeView, type StickyRfNode } from './sticky-node.js';
import { WorkflowNodeView, nodeHeight, type WfNode } from './workflow-node.js';
import { groupColor } from './node-icon.js';

const nodeTypes = { wf: WorkflowNodeView, sticky: StickyNodeView };
const edgeTypes = { del: DeletableEdge };
export const PALETTE_MIME = 'application/x-shopwire-node-type';
type AnyNode = WfNode | StickyRfNode;

/** Keeps React Flow node objects stable for unchanged workflow nodes (memoized node views skip them). */
function reconcile(
  prev: AnyNode[],
  doc: Workflow,
  lookup: ReturnType<typeof useEditor>['lookup'],
  readOnly: boolean,
): AnyNode[] {
  const byId = new Map(prev.map((n) => [n.id, n]));
  const out: AnyNode[] = [];
  for (const note of doc.stickyNotes) {
    const p = byId.get(note.id) as StickyRfNode | undefined;
    if (p && p.data.note === note) out.push(p);
    else
      out.push({
        id: note.id,
        type: 'sticky',
        position: { x: note.position[0], y: note.position[1] },
        data: { note },
        zIndex: -1,
        selected: p?.selected ?? false,
        draggable: !readOnly,
        width: note.size[0],
        height: note.size[1],
      });
  }
  for (const node of doc.nodes) {
    const p = byId.get(node.id) as WfNode | undefined;
    const desc = lookup(node.type);
    const pinned = doc.pinData[node.id] !== undefined;
    if (p && p.data.node === node && p.data.desc === desc && p.data.pinned === pinned) out.push(p);
    else
      out.push({
        id: node.id,
        type: 'wf',
        position: { x: node.position[0], y: node.position[1] },
        data: { node, desc, pinned },
        selected: p?.selected ?? false,
        draggable: !readOnly,
        width: 220,
        height: nodeHeight(nodeInputCount(node, desc), nodeOutputs(node, desc).length),
        ...(p?.measured ? { measured: p.measured } : {}),
      });
  }
  return out;
}

/**
 * Zoomed far out (a big workflow at a glance), nodes drop their blurred shadows: software
 * rasterizing hundreds of them per frame made zooming stutter. Toggles a class, no re-render.
 */
function FarZoomClass() {
  const far = useStore((s) => s.transform[2] < 0.6);
  useLayoutEffect(() => {
    document.querySelector('.swe-canvas')?.classList.toggle('is-far', far);
  }, [far]);
  return null;
}

/** What the editor shell can read and do on the canvas (keyboard shortcuts, paste). */
export interface CanvasSelection {
  nodes: Set<string>;
  edges: Set<string>;
  select(ids: Iterable<string>): void;
}

/** Memoized: its props are stable, so only document/selection changes re-render it. */
export const Canvas = memo(function Canvas(props: {
  selection: React.RefObject<CanvasSelection>;
  onNodeOpen(id: string): void;
}) {
  const { store, lookup, readOnly, toast } = useEditor();
  const shown = useRef<Workflow | undefined>(undefined);
  const doc = useSyncExternalStore(
    store.subscribe,
    () => (shown.current = canvasSnapshot(shown.current, store.get().doc, lookup)),
  );
  const flow = useReactFlow();
  const [nodes, setNodes] = useState<AnyNode[]>([]);
  const [selectedEdges, setSelectedEdges] = useState<Set<string>>(new Set());
  const dragging = useRef(false);
  const selection = props.selection;
  selection.current.select = (ids) => {
    const wanted = new Set(ids);
    setNodes((prev) =>
      prev.map((n) => (n.selected === wanted.has(n.id) ? n : { ...n, selected: wanted.has(n.id) })),
    );
    selection.current.nodes = wanted;
  };

  useLayoutEffect(() => {
    setNodes((prev) => reconcile(prev, doc, lookup, readOnly));
  }, [doc, lookup, readOnly]);

  // edges depend on connections only: typing in a node form must not rebuild 500 edges
  const edges = useMemo<Edge[]>(
    () =>
      doc.connections.map((c) => {
        const id = edgeId(c);
        return {
          id,
          type: 'del',
          source: c.from.node,
          sourceHandle: `out-${c.from.output}`,
          target: c.to.node,
          targetHandle: `in-${c.to.input}`,
          selected: selectedEdges.has(id),
          className: c.from.output === 'error' ? 'is-error-edge' : undefined,
        };
      }),
    [doc.connections, selectedEdges],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<AnyNode>[]) => {
      const relevant = changes.filter((c) => c.type !== 'remove');
      setNodes((prev) => {
        const next = applyNodeChanges(relevant, prev);
        if (relevant.some((c) => c.type === 'select'))
          selection.current.nodes = new Set(next.filter((n) => n.selected).map((n) => n.id));
        return next;
      });
      const moves = relevant.filter((c) => c.type === 'position');
      if (moves.length === 0) return;
      const finished = moves.filter((c) => c.type === 'position' && c.dragging === false && c.position);
      if (moves.some((c) => c.type === 'position' && c.dragging) && !dragging.current)
        dragging.current = true;
      if (finished.length > 0) {
        dragging.current = false;
        // commit positions once per drag: one undo step
        const pos = new Map(finished.map((c) => [c.id, c.type === 'position' ? c.position : undefined]));
        store.update((d) => ({
          ...d,
          nodes: d.nodes.map((n) => {
            const p = pos.get(n.id);
            return p ? { ...n, position: [Math.round(p.x), Math.round(p.y)] as [number, number] } : n;
          }),
          stickyNotes: d.stickyNotes.map((s) => {
            const p = pos.get(s.id);
            return p ? { ...s, position: [Math.round(p.x), Math.round(p.y)] as [number, number] } : s;
          }),
        }));
      }
    },
    [store, selection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      setSelectedEdges((prev) => {
        let next = prev;
        for (const c of changes) {
          if (c.type !== 'select') continue;
          if (next === prev) next = new Set(prev);
          if (c.selected) next.add(c.id);
          else next.delete(c.id);
        }
        selection.current.edges = next;
        return next;
      });
    },
    [selection],
  );

  const onConnect = useCallback(
    (c: RfConnection) => {
      const conn = {
        from: { node: c.source, output: (c.sourceHandle ?? 'out-main').replace(/^out-/, '') },
        to: { node: c.target, input: Number((c.targetHandle ?? 'in-0').replace(/^in-/, '')) },
      };
      const problem = connectionProblem(store.doc, conn, lookup);
      if (problem) {
        toast(problem, 'error');
        return;
      }
      store.update((d) => ({ ...d, connections: [...d.connections, conn] }));
    },
    [store, lookup, toast],
  );

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const type = e.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      window.dispatchEvent(
        new CustomEvent('swe:add-node', { detail: { type, position: [p.x - 110, p.y - 32] } }),
      );
    },
    [flow],
  );

  return (
    <div className="swe-canvas" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <ReactFlow<AnyNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeClick={(e, n) => {
          if (n.type === 'wf' && !e.shiftKey && !e.metaKey && !e.ctrlKey) props.onNodeOpen(n.id);
        }}
        onlyRenderVisibleElements
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        nodesConnectable={!readOnly}
        nodesDraggable={!readOnly}
        minZoom={0.1}
        maxZoom={2}
        onInit={(instance) => {
          // fit once the loaded nodes are measured; later additions keep the user's viewport
          if (store.doc.nodes.length > 0)
            requestAnimationFrame(() => void instance.fitView({ maxZoom: 1, padding: 0.2 }));
          else instance.setViewport({ x: 0, y: 0, zoom: 1 });
        }}
        proOptions={{ hideAttribution: true }}
        defaultEdgeOptions={{ type: 'del' }}
        aria-label="Workflow canvas"
      >
        <FarZoomClass />
        <Background gap={20} size={1.2} color="#d5d9e0" />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          pannable
          zoomable
          position="bottom-right"
          ariaLabel="Minimap"
          nodeColor={(n: Node) =>
            n.type === 'sticky' ? '#fff3bf' : groupColor((n.data as { desc?: { group: string } }).desc?.group)
          }
        />
      </ReactFlow>
    </div>
  );
});
