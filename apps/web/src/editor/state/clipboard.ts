import type { Connection, StickyNote, Workflow, WorkflowNode } from '@shopwire/sdk';
import { newId, uniqueName } from './doc-ops.js';

/**
 * Copy/paste as workflow JSON (the same format as export), so a selection can travel between
 * workflows, browser tabs and even a text editor.
 */

export interface ClipboardPayload {
  nodes: WorkflowNode[];
  connections: Connection[];
  stickyNotes?: StickyNote[];
  pinData?: Workflow['pinData'];
}

export function copySelection(doc: Workflow, ids: Set<string>): string {
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  const connections = doc.connections.filter((c) => ids.has(c.from.node) && ids.has(c.to.node));
  const stickyNotes = doc.stickyNotes.filter((s) => ids.has(s.id));
  const pinData = Object.fromEntries(Object.entries(doc.pinData).filter(([k]) => ids.has(k)));
  return JSON.stringify({ nodes, connections, stickyNotes, pinData }, null, 2);
}

/** Parses clipboard text; undefined when it is not a (partial) workflow document. */
export function parseClipboard(text: string): ClipboardPayload | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<ClipboardPayload>;
  if (!Array.isArray(v.nodes)) return undefined;
  const nodes = v.nodes.filter(
    (n): n is WorkflowNode =>
      typeof n === 'object' && n !== null && typeof n.id === 'string' && typeof n.type === 'string',
  );
  return {
    nodes,
    connections: Array.isArray(v.connections) ? v.connections : [],
    stickyNotes: Array.isArray(v.stickyNotes) ? v.stickyNotes : [],
    pinData: v.pinData && typeof v.pinData === 'object' ? v.pinData : {},
  };
}

/** Adds pasted nodes with new ids, unique names and offset positions; returns the new ids. */
export function pasteInto(
  doc: Workflow,
  payload: ClipboardPayload,
  offset: [number, number],
): { doc: Workflow; ids: string[] } {
  const idMap = new Map<string, string>();
  let working: Workflow = doc;
  const nodes: WorkflowNode[] = [];
  for (const n of payload.nodes) {
    const id = newId();
    idMap.set(n.id, id);
    const name = uniqueName({ ...working, nodes: [...working.nodes, ...nodes] }, String(n.name || n.type));
    const pos = Array.isArray(n.position) ? n.position : [0, 0];
    const defaults = {
      disabled: false,
      credentials: {},
      onError: 'stop' as const,
      typeVersion: 1,
      params: {},
    };
    nodes.push({
      ...defaults,
      ...(n as Partial<WorkflowNode>),
      type: n.type,
      id,
      name,
      position: [(pos[0] ?? 0) + offset[0], (pos[1] ?? 0) + offset[1]],
    });
  }
  working = { ...working, nodes: [...working.nodes, ...nodes] };
  const connections = payload.connections
    .filter((c) => idMap.has(c.from?.node) && idMap.has(c.to?.node))
    .map((c) => ({
      from: { node: idMap.get(c.from.node)!, output: c.from.output ?? 'main' },
      to: { node: idMap.get(c.to.node)!, input: c.to.input ?? 0 },
    }));
  const stickyNotes = (payload.stickyNotes ?? []).map((s) => ({
    ...s,
    id: newId('s'),
    position: [s.position[0] + offset[0], s.position[1] + offset[1]] as [number, number],
  }));
  const pinData = { ...working.pinData };
  for (const [k, v] of Object.entries(payload.pinData ?? {})) {
    const mapped = idMap.get(k);
    if (mapped) pinData[mapped] = v;
  }
  return {
    doc: {
      ...working,
      connections: [...working.connections, ...connections],
      stickyNotes: [...working.stickyNotes, ...stickyNotes],
      pinData,
    },
    ids: [...idMap.values(), ...stickyNotes.map((s) => s.id)],
  };
}
