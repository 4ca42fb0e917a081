import { useCallback, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { DocStore } from './state/doc-store.js';
import { canvasRect } from './canvas/canvas-rect.js';

/** What the right-hand side of the workspace shows: the node palette, one node's panel, or versions. */
export type SidePanel =
  | { kind: 'palette'; from?: { node: string; output: string }; filter: 'all' | 'triggers' | 'noTriggers' }
  | { kind: 'panel'; nodeId: string }
  | { kind: 'versions' }
  | undefined;

/** The open side panel, and opening the palette or a node's panel (which keeps that node in view). */
export function useSidePanel(store: DocStore) {
  const flow = useReactFlow();
  const [side, setSide] = useState<SidePanel>();

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
      const el = canvasRect();
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

  const closeSidePanel = useCallback(() => setSide(undefined), []);

  return { side, setSide, openPalette, openPanel, closeSidePanel };
}
