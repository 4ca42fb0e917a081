import type { Workflow, WorkflowNode } from '@shopwire/sdk';

/** One connection of the document, with its index (used in error fields and as a state key). */
export interface Edge {
  index: number;
  from: string;
  output: string;
  to: string;
  input: number;
}

/**
 * The wiring of a workflow in lookup form. Built once per run; everything here is derived from
 * the document only (plus which node types are loop nodes).
 */
export interface Graph {
  nodes: WorkflowNode[];
  byId: Map<string, WorkflowNode>;
  /** document position: the deterministic tie-break for scheduling */
  order: Map<string, number>;
  incoming: Map<string, Edge[]>;
  outgoing: Map<string, Edge[]>;
  edges: Edge[];
  /** loop node id → nodes that run once per iteration */
  loopBodies: Map<string, Set<string>>;
  /** edges into input 1 of a loop node coming from its own body */
  backEdges: Set<number>;
}

export function buildGraph(workflow: Workflow, isLoopNode: (node: WorkflowNode) => boolean): Graph {
  const byId = new Map<string, WorkflowNode>();
  const order = new Map<string, number>();
  const incoming = new Map<string, Edge[]>();
  const outgoing = new Map<string, Edge[]>();
  workflow.nodes.forEach((node, i) => {
    byId.set(node.id, node);
    order.set(node.id, i);
    incoming.set(node.id, []);
    outgoing.set(node.id, []);
  });
  const edges: Edge[] = [];
  workflow.connections.forEach((c, index) => {
    if (!byId.has(c.from.node) || !byId.has(c.to.node)) return;
    const edge: Edge = { index, from: c.from.node, output: c.from.output, to: c.to.node, input: c.to.input };
    edges.push(edge);
    outgoing.get(edge.from)?.push(edge);
    incoming.get(edge.to)?.push(edge);
  });
  const graph: Graph = {
    nodes: workflow.nodes,
    byId,
    order,
    incoming,
    outgoing,
    edges,
    loopBodies: new Map(),
    backEdges: new Set(),
  };
  for (const node of workflow.nodes) {
    if (!isLoopNode(node)) continue;
    const body = loopBody(graph, node.id);
    graph.loopBodies.set(node.id, body);
    for (const edge of graph.incoming.get(node.id) ?? []) {
      if (edge.input === 1 && body.has(edge.from)) graph.backEdges.add(edge.index);
    }
  }
  return graph;
}

/** Nodes reachable from `from` following edges, without passing through `stop`. */
export function reachable(graph: Graph, from: Iterable<string>, stop?: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id) || id === stop) continue;
    seen.add(id);
    for (const edge of graph.outgoing.get(id) ?? []) stack.push(edge.to);
  }
  return seen;
}

/** Nodes from which `target` can be reached (including `target`). */
export function ancestors(graph: Graph, target: string): Set<string> {
  const seen = new Set<string>();
  const stack = [target];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of graph.incoming.get(id) ?? []) stack.push(edge.from);
  }
  return seen;
}

/**
 * The body of a loop node: everything reachable from the outputs that lead back into the loop
 * node (its "loop" outputs), not passing through the loop node itself.
 */
function loopBody(graph: Graph, loopId: string): Set<string> {
  const body = new Set<string>();
  const byOutput = new Map<string, string[]>();
  for (const edge of graph.outgoing.get(loopId) ?? []) {
    byOutput.set(edge.output, [...(byOutput.get(edge.output) ?? []), edge.to]);
  }
  for (const targets of byOutput.values()) {
    const fromHere = reachable(graph, targets, loopId);
    const leadsBack = [...fromHere].some((id) =>
      (graph.outgoing.get(id) ?? []).some((e) => e.to === loopId && e.input === 1),
    );
    if (leadsBack) for (const id of fromHere) body.add(id);
  }
  return body;
}
