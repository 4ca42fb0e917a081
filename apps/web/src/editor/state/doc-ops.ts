import type { Connection, Workflow, WorkflowNode } from '@shopwire/sdk';
import type { NodeTypeDescription } from '../types.js';
import { nodeInputCount } from './node-shape.js';

/** Pure edits of the workflow document. Every function returns a new document (or the same one). */

export type TypeLookup = (type: string) => NodeTypeDescription | undefined;

export function uniqueName(doc: Workflow, wanted: string, exceptId?: string): string {
  const taken = new Set(doc.nodes.filter((n) => n.id !== exceptId).map((n) => n.name));
  if (!taken.has(wanted)) return wanted;
  const base = wanted.replace(/\s+\d+$/, '');
  for (let i = 1; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}

export function newId(prefix = 'n'): string {
  return `${prefix}${Math.random().toString(36).slice(2, 8)}${Date.now().toString(36).slice(-3)}`;
}

export function defaultParams(desc: NodeTypeDescription): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(desc.paramsSchema.properties ?? {})) {
    if (prop.default !== undefined) out[key] = structuredClone(prop.default);
  }
  return out;
}

export function addNode(
  doc: Workflow,
  desc: NodeTypeDescription,
  position: [number, number],
  connectFrom?: { node: string; output: string },
): { doc: Workflow; node: WorkflowNode } {
  const node: WorkflowNode = {
    id: newId(),
    name: uniqueName(doc, desc.displayName),
    type: desc.type,
    typeVersion: desc.version,
    params: defaultParams(desc),
    position,
    disabled: false,
    credentials: {},
    onError: 'stop',
  };
  const connections = connectFrom
    ? [...doc.connections, { from: connectFrom, to: { node: node.id, input: 0 } }]
    : doc.connections;
  return { doc: { ...doc, nodes: [...doc.nodes, node], connections }, node };
}

export function updateNode(doc: Workflow, id: string, fn: (n: WorkflowNode) => WorkflowNode): Workflow {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== id) return n;
    const next = fn(n);
    if (next !== n) changed = true;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

export function renameNode(doc: Workflow, id: string, wanted: string): Workflow {
  const name = wanted.trim();
  if (!name) return doc;
  return updateNode(doc, id, (n) => (n.name === name ? n : { ...n, name: uniqueName(doc, name, id) }));
}

export function removeNodes(doc: Workflow, ids: Set<string>): Workflow {
  if (ids.size === 0) return doc;
  const pinData = { ...doc.pinData };
  for (const id of ids) delete pinData[id];
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !ids.has(n.id)),
    connections: doc.connections.filter((c) => !ids.has(c.from.node) && !ids.has(c.to.node)),
    stickyNotes: doc.stickyNotes.filter((s) => !ids.has(s.id)),
    pinData,
  };
}

export function sameConnection(a: Connection, b: Connection): boolean {
  return (
    a.from.node === b.from.node &&
    a.from.output === b.from.output &&
    a.to.node === b.to.node &&
    a.to.input === b.to.input
  );
}

/** Why a connection may not be made, or undefined when it may. */
export function connectionProblem(doc: Workflow, conn: Connection, lookup: TypeLookup): string | undefined {
  const target = doc.nodes.find((n) => n.id === conn.to.node);
  const source = doc.nodes.find((n) => n.id === conn.from.node);
  if (!target || !source) return 'That node no longer exists';
  const desc = lookup(target.type);
  if (desc?.kind === 'trigger') return `${target.name} is a trigger: it starts a workflow and takes no input`;
  if (conn.to.input >= nodeInputCount(target, desc))
    return `${target.name} has no input ${conn.to.input + 1}`;
  if (source.id === target.id) return 'A node cannot feed itself';
  if (doc.connections.some((c) => sameConnection(c, conn))) return 'These two are already connected';
  const loopBack = desc?.loop === true && conn.to.input === 1;
  if (!loopBack && reaches(doc, target.id, source.id))
    return 'That would make a cycle: loops must go back into input 2 of a "Loop over items" node';
  return undefined;
}

/** true when `to` is reachable from `from` following connections (ignoring loop back-edges) */
function reaches(doc: Workflow, from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const c of doc.connections) {
    const list = next.get(c.from.node) ?? [];
    list.push(c.to.node);
    next.set(c.from.node, list);
  }
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

/** The nodes upstream of `id` (nearest first). */
export function upstreamNodes(doc: Workflow, id: string): WorkflowNode[] {
  const prev = new Map<string, string[]>();
  for (const c of doc.connections) {
    const list = prev.get(c.to.node) ?? [];
    list.push(c.from.node);
    prev.set(c.to.node, list);
  }
  const order: string[] = [];
  const seen = new Set<string>([id]);
  let frontier = [id];
  while (frontier.length) {
    const nextFrontier: string[] = [];
    for (const f of frontier)
      for (const p of prev.get(f) ?? [])
        if (!seen.has(p)) {
          seen.add(p);
          order.push(p);
          nextFrontier.push(p);
        }
    frontier = nextFrontier;
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  return order.map((o) => byId.get(o)).filter((n): n is WorkflowNode => n !== undefined);
}
