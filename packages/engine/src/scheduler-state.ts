import type { Item, OutputItems } from '@shopwire/sdk';
import type { Graph } from './graph.js';

/**
 * Where each node stands in the current iteration:
 * pending → running → ran | waiting, or pending → skipped (no items on any input).
 * A loop node that sent items into its body is `looping` until its final run.
 * `inactive`: not reachable from the start (or not on the way to the destination): never runs.
 */
export type NodeStatus = 'pending' | 'running' | 'ran' | 'skipped' | 'waiting' | 'looping' | 'inactive';

/** Per-connection delivery state plus per-node status: the scheduler's whole picture. */
export class SchedulerState {
  readonly status = new Map<string, NodeStatus>();
  private readonly settled: boolean[] = [];
  private readonly delivered: Item[][] = [];
  /** nodes whose readiness may have changed since they were last looked at */
  readonly candidates = new Set<string>();
  /** node id → loop nodes whose body contains it */
  private readonly enclosingLoops = new Map<string, string[]>();

  constructor(
    readonly graph: Graph,
    readonly active: Set<string>,
  ) {
    for (const node of graph.nodes) {
      this.status.set(node.id, active.has(node.id) ? 'pending' : 'inactive');
      if (active.has(node.id)) this.candidates.add(node.id);
    }
    for (const [loopId, body] of graph.loopBodies) {
      for (const id of body) this.enclosingLoops.set(id, [...(this.enclosingLoops.get(id) ?? []), loopId]);
    }
    for (const edge of graph.edges) {
      // Edges from nodes that never run count as settled from the start (e.g. a second trigger).
      this.settled[edge.index] = !active.has(edge.from);
      this.delivered[edge.index] = [];
    }
  }

  get(id: string): NodeStatus {
    return this.status.get(id) ?? 'inactive';
  }

  set(id: string, status: NodeStatus): void {
    this.status.set(id, status);
    // a body node settling may complete its loop's iteration
    if (status === 'ran' || status === 'skipped')
      for (const loopId of this.enclosingLoops.get(id) ?? []) this.candidates.add(loopId);
  }

  /** Candidates in document order (the deterministic scheduling order). */
  orderedCandidates(): string[] {
    const order = this.graph.order;
    return [...this.candidates].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }

  /** All incoming edges settled (a loop node's back-edges don't count for its first run). */
  isReady(id: string): boolean {
    return (this.graph.incoming.get(id) ?? []).every(
      (e) => this.graph.backEdges.has(e.index) || this.settled[e.index],
    );
  }

  /** Items per input index from the settled forward edges, in connection order. */
  gather(id: string, inputCount: number): Item[][] {
    const inputs: Item[][] = Array.from({ length: inputCount }, () => []);
    for (const edge of this.graph.incoming.get(id) ?? []) {
      if (this.graph.backEdges.has(edge.index)) continue;
      append(inputs, edge.input, this.delivered[edge.index] ?? []);
    }
    return inputs;
  }

  /** A loop node's next run: nothing on input 0, the body's returned items on input 1. */
  gatherBackEdges(id: string, inputCount: number): Item[][] {
    const inputs: Item[][] = Array.from({ length: Math.max(inputCount, 2) }, () => []);
    for (const edge of this.graph.incoming.get(id) ?? []) {
      if (this.graph.backEdges.has(edge.index)) append(inputs, edge.input, this.delivered[edge.index] ?? []);
    }
    return inputs;
  }

  /** Every active body node of the loop has settled for this iteration. */
  bodySettled(loopId: string): boolean {
    for (const id of this.graph.loopBodies.get(loopId) ?? []) {
      const status = this.get(id);
      if (status !== 'ran' && status !== 'skipped' && status !== 'inactive') return false;
    }
    return true;
  }

  /** Passes a node's outputs along its edges; `settle` decides which edges are now final. */
  deliver(id: string, output: OutputItems, settle: (targetId: string) => boolean): void {
    for (const edge of this.graph.outgoing.get(id) ?? []) {
      const items = output[edge.output];
      if (items && items.length > 0) {
        const before = this.delivered[edge.index] ?? [];
        // No copy for the common case of one delivery per edge.
        this.delivered[edge.index] = before.length === 0 ? items : before.concat(items);
      }
      if (settle(edge.to)) {
        this.settled[edge.index] = true;
        this.candidates.add(edge.to);
      }
    }
  }

  /** A skipped node settles its outgoing edges with nothing on them. */
  skip(id: string): void {
    this.set(id, 'skipped');
    for (const edge of this.graph.outgoing.get(id) ?? []) {
      this.settled[edge.index] = true;
      this.candidates.add(edge.to);
    }
  }

  /** Starts a new loop iteration: body nodes pending again, body-internal edges emptied. */
  resetBody(loopId: string): void {
    const body = this.graph.loopBodies.get(loopId);
    if (!body) return;
    for (const id of body) {
      if (!this.active.has(id)) continue;
      this.set(id, 'pending');
      this.candidates.add(id);
    }
    for (const edge of this.graph.edges) {
      if (body.has(edge.from) || (edge.from === loopId && body.has(edge.to))) {
        this.settled[edge.index] = !this.active.has(edge.from);
        this.delivered[edge.index] = [];
      }
    }
  }
}

function append(inputs: Item[][], index: number, items: Item[]): void {
  while (inputs.length <= index) inputs.push([]);
  const before = inputs[index] ?? [];
  inputs[index] = before.length === 0 ? items : before.concat(items);
}
