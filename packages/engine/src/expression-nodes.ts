import type { OutputItems } from '@shopwire/sdk';
import { ancestors, type Graph } from './graph.js';
import { outputJson, type NodeReferences } from './resolve-params.js';

export type ExpressionNodes = Record<string, { items: ReturnType<typeof outputJson> }>;

/**
 * The outputs a node's expressions may read (`$('Name')`): the nodes they name, or every upstream
 * node when a name is computed. Upstream names are cached per node for the run.
 */
export class ExpressionNodeOutputs {
  private readonly ancestorNames = new Map<string, string[]>();

  constructor(
    private readonly graph: Graph,
    /** latest main output of each node, by node name */
    private readonly latest: Map<string, OutputItems>,
  ) {}

  for(nodeId: string, refs: NodeReferences): ExpressionNodes {
    let names = refs.names;
    if (refs.dynamic) {
      let upstream = this.ancestorNames.get(nodeId);
      if (!upstream) {
        upstream = [...ancestors(this.graph, nodeId)]
          .filter((id) => id !== nodeId)
          .map((id) => this.graph.byId.get(id)?.name ?? id);
        this.ancestorNames.set(nodeId, upstream);
      }
      names = [...new Set([...names, ...upstream])];
    }
    const out: ExpressionNodes = {};
    for (const name of names) {
      const output = this.latest.get(name);
      if (output) out[name] = { items: outputJson(output) };
    }
    return out;
  }
}
