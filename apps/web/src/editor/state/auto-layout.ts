import dagre from '@dagrejs/dagre';
import type { Workflow } from '@shopwire/sdk';

/** Left-to-right layered layout (dagre); sticky notes stay where they are. */

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;

export function autoLayout(doc: Workflow): Workflow {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 90, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of doc.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const c of doc.connections) g.setEdge(c.from.node, c.to.node);
  dagre.layout(g);
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const p = g.node(n.id);
      if (!p) return n;
      return { ...n, position: [Math.round(p.x - NODE_WIDTH / 2), Math.round(p.y - NODE_HEIGHT / 2)] };
    }),
  };
}
