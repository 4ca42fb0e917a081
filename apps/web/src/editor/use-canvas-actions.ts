import { useCallback, useEffect, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { DocStore } from './state/doc-store.js';
import { addNode, newId, removeNodes, type TypeLookup } from './state/doc-ops.js';
import type { CanvasSelection } from './canvas/canvas.js';
import { canvasRect } from './canvas/canvas-rect.js';
import type { ConfirmRequest } from './use-save-and-run.js';
import type { SidePanel } from './use-side-panel.js';
import type { NodeTypeDescription } from './types.js';

export interface CanvasActionDeps {
  store: DocStore;
  lookup: TypeLookup;
  selection: RefObject<CanvasSelection>;
  side: SidePanel;
  setSide(side: SidePanel): void;
  setConfirm(confirm: ConfirmRequest | undefined): void;
}

/**
 * Adding and removing things on the canvas: place a node (from the palette, or dropped on the canvas
 * as a `swe:add-node` event), add a sticky note, delete the selection, delete one node (confirmed).
 */
export function useCanvasActions({ store, lookup, selection, side, setSide, setConfirm }: CanvasActionDeps) {
  const flow = useReactFlow();

  const placeNode = useCallback(
    (desc: NodeTypeDescription, at?: [number, number], from?: { node: string; output: string }) => {
      let position = at;
      const source = from ? store.doc.nodes.find((n) => n.id === from.node) : undefined;
      if (!position && source) {
        const siblings = store.doc.connections.filter((c) => c.from.node === source.id).length;
        position = [source.position[0] + 300, source.position[1] + siblings * 110];
      }
      if (!position) {
        const el = canvasRect();
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
    [store, flow, setSide],
  );

  useEffect(() => {
    const onAdd = (e: Event) => {
      const { type, position } = (e as CustomEvent<{ type: string; position: [number, number] }>).detail;
      const desc = lookup(type);
      if (desc) placeNode(desc, [Math.round(position[0]), Math.round(position[1])]);
    };
    window.addEventListener('swe:add-node', onAdd);
    return () => window.removeEventListener('swe:add-node', onAdd);
  }, [lookup, placeNode]);

  const addStickyNote = useCallback(() => {
    const el = canvasRect();
    const p = flow.screenToFlowPosition({ x: (el?.left ?? 0) + 80, y: (el?.top ?? 0) + 80 });
    store.update((d) => ({
      ...d,
      stickyNotes: [
        ...d.stickyNotes,
        { id: newId('s'), text: '', position: [Math.round(p.x), Math.round(p.y)], size: [240, 160] },
      ],
    }));
  }, [store, flow]);

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
  }, [store, selection, side, setSide]);

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
    [store, setSide, setConfirm],
  );

  return { placeNode, addStickyNote, deleteSelection, confirmDeleteNode };
}
