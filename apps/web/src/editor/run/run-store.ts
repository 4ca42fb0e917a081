import type { ErrorData, StepRecord } from '@shopwire/sdk';

/** Live state of the run shown on the canvas: latest step per node, fed by SSE or a loaded execution. */

export interface NodeRunInfo {
  status: StepRecord['status'];
  /** items on all outputs of the latest run */
  items: number;
  step: StepRecord;
  runs: number;
}

export interface RunState {
  executionId: string | undefined;
  status:
    'idle' | 'starting' | 'listening' | 'running' | 'success' | 'error' | 'canceled' | 'waiting' | 'crashed';
  error: ErrorData | undefined;
  listenUrl: string | undefined;
  byNode: ReadonlyMap<string, NodeRunInfo>;
}

const EMPTY: RunState = {
  executionId: undefined,
  status: 'idle',
  error: undefined,
  listenUrl: undefined,
  byNode: new Map(),
};

export function countItems(step: StepRecord): number {
  return Object.values(step.output ?? {}).reduce(
    (sum, list) => sum + (Array.isArray(list) ? list.length : 0),
    0,
  );
}

export class RunStore {
  private state: RunState = EMPTY;
  private listeners = new Set<() => void>();
  /** set by the live event stream: applies events that arrived before the execution id was known */
  replay: (executionId: string) => void = () => undefined;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  get = (): RunState => this.state;

  set(patch: Partial<RunState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** a new run starts: keep nothing from the previous one */
  begin(status: RunState['status'], executionId?: string, listenUrl?: string): void {
    this.state = {
      ...EMPTY,
      status,
      executionId,
      listenUrl,
      byNode: this.state.byNode.size ? new Map() : this.state.byNode,
    };
    for (const l of this.listeners) l();
  }

  step(step: StepRecord): void {
    const prev = this.state.byNode.get(step.nodeId);
    if (prev && prev.step.runIndex > step.runIndex) return;
    const byNode = new Map(this.state.byNode);
    byNode.set(step.nodeId, {
      status: step.status,
      items: countItems(step),
      step,
      runs: Math.max(prev?.runs ?? 0, step.runIndex + 1),
    });
    this.set({ byNode });
  }

  /** replaces everything with a stored execution's steps */
  load(
    executionId: string,
    status: RunState['status'],
    error: ErrorData | undefined,
    steps: StepRecord[],
  ): void {
    const byNode = new Map<string, NodeRunInfo>();
    for (const step of steps) {
      const prev = byNode.get(step.nodeId);
      if (prev && prev.step.runIndex > step.runIndex) continue;
      byNode.set(step.nodeId, {
        status: step.status,
        items: countItems(step),
        step,
        runs: step.runIndex + 1,
      });
    }
    this.state = { executionId, status, error, listenUrl: undefined, byNode };
    for (const l of this.listeners) l();
  }

  reset(): void {
    this.state = EMPTY;
    for (const l of this.listeners) l();
  }
}
