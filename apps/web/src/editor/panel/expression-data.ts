import type { JsonObject, Workflow } from '@shopwire/sdk';
import type { RunState } from '../run/run-store.js';
import { upstreamNodes } from '../state/doc-ops.js';

/** What an expression of a node can see, from the last run: its input items and upstream outputs. */
export interface ExpressionData {
  items: JsonObject[];
  upstream: { name: string; items: JsonObject[] }[];
}

const json = (list: unknown): JsonObject[] =>
  Array.isArray(list) ? list.map((i) => ((i as { json?: JsonObject }).json ?? {}) as JsonObject) : [];

export function expressionData(doc: Workflow, run: RunState, nodeId: string): ExpressionData {
  const upstream = upstreamNodes(doc, nodeId).map((n) => {
    const step = run.byNode.get(n.id)?.step;
    const out = step?.output ?? {};
    const items = out['main'] ?? Object.values(out)[0] ?? doc.pinData[n.id] ?? [];
    return { name: n.name, items: json(items) };
  });
  const own = run.byNode.get(nodeId)?.step.input?.[0];
  if (own) return { items: json(own), upstream };
  // not run yet: use what the directly connected parent produced on the connected output
  const incoming = doc.connections.find((c) => c.to.node === nodeId && c.to.input === 0);
  const parentStep = incoming ? run.byNode.get(incoming.from.node)?.step : undefined;
  const parentItems = incoming
    ? (parentStep?.output?.[incoming.from.output] ?? doc.pinData[incoming.from.node] ?? [])
    : [];
  return { items: json(parentItems), upstream };
}

/** Dot paths of the fields of an item, for completion (`customer.email`, `lines`). */
export function fieldPaths(obj: JsonObject, prefix = '', depth = 0, out: string[] = []): string[] {
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    out.push(path);
    if (depth < 2 && v && typeof v === 'object' && !Array.isArray(v))
      fieldPaths(v as JsonObject, path, depth + 1, out);
    if (out.length > 200) break;
  }
  return out;
}
