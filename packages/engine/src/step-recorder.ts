import type {
  ErrorData,
  Item,
  JsonValue,
  LogLine,
  OutputItems,
  StepJson,
  StepRecord,
  WorkflowNode,
} from '@shopwire/sdk';
import { DataBudget, StepEncoder, cutInputs, cutOutputs } from './data-cap.js';
import type { EngineDeps, RunRequest } from './types.js';

export interface StepEnd {
  status: 'success' | 'error' | 'waiting';
  output?: OutputItems;
  runState?: JsonValue | undefined;
  logs?: LogLine[];
  error?: ErrorData;
  pinned?: boolean;
  waitUntil?: string;
}

/**
 * Writes node runs to the journal and to `onStep`, applying the execution's data budget to what
 * is stored. No write is awaited on the way: the journal commits in FIFO order (group commit), so
 * what is durable is always a prefix of what was recorded, and waiting for a step's commit before
 * its dependents start buys no crash safety (a crash replays from the last durable finished step,
 * with the same idempotency keys, either way). `settle()` waits for every write issued so far and
 * reports the first failure; the executor calls it before it returns the execution's result, so
 * the final status is never stored ahead of the steps it summarises.
 */
export class StepRecorder {
  readonly budget: DataBudget;
  private readonly inputJson = new WeakMap<StepRecord, string>();
  /** the start node's input, stored when it finishes (see started) */
  private readonly deferredInput = new WeakMap<StepRecord, Item[][]>();
  private readonly encoder = new StepEncoder();
  private readonly pending = new Set<Promise<void>>();
  private readonly startWrites = new WeakMap<StepRecord, Promise<void>>();
  private writeError: unknown;
  private failed = false;
  constructor(
    private readonly deps: EngineDeps,
    private readonly request: RunRequest,
    maxBytes: number,
    /** called once, on the first failed write (the executor stops launching nodes) */
    private readonly onWriteError: (error: unknown) => void = () => undefined,
  ) {
    this.budget = new DataBudget(maxBytes);
  }

  /** Resolves when every write issued so far is committed; rejects with the first failed one. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    if (this.failed) throw this.writeError;
  }

  private track(write: Promise<void>): void {
    this.pending.add(write);
    write.then(
      () => this.pending.delete(write),
      (error: unknown) => {
        this.pending.delete(write);
        if (this.failed) return;
        this.failed = true;
        this.writeError = error;
        this.onWriteError(error);
      },
    );
  }

  started(node: WorkflowNode, runIndex: number, input: Item[][]): StepRecord {
    // The start node's input is the execution's start items, already stored with the execution:
    // its started row goes without them, and its finished row gets them, as a reference to its
    // own output when it passes them on (as triggers do). Replays start from the stored items.
    if (input.length === 1 && input[0] === this.request.start.items) {
      const step = this.newStep(node, runIndex, input);
      const { input: _startItems, ...withoutInput } = step;
      this.recordStart(step, this.deps.journal.stepStarted(withoutInput));
      this.deferredInput.set(step, input);
      return step;
    }
    const stored = this.budget.fit(input, cutInputs, (data) => this.encoder.inputs(data));
    const step = this.newStep(node, runIndex, stored.data, stored.truncated);
    this.recordStart(step, this.deps.journal.stepStarted(step, { input: stored.json }));
    this.inputJson.set(step, stored.json);
    return step;
  }

  private newStep(node: WorkflowNode, runIndex: number, input: Item[][], truncated = false): StepRecord {
    return {
      executionId: this.request.executionId,
      nodeId: node.id,
      nodeName: node.name,
      runIndex,
      status: 'running',
      startedAt: this.deps.clock.now().toISOString(),
      input,
      ...(truncated ? { truncated: true } : {}),
    };
  }

  private recordStart(step: StepRecord, write: Promise<void>): void {
    this.track(write);
    this.startWrites.set(step, write);
    this.request.onStep?.(step);
  }

  /**
   * Resolves once the `started` write of this step is committed. Only non-idempotent actions wait
   * for it (before their side effect), so a crash after the effect always leaves the marker.
   */
  committed(started: StepRecord): Promise<void> {
    return this.startWrites.get(started) ?? Promise.resolve();
  }

  finished(started: StepRecord, end: StepEnd): StepRecord {
    const step: StepRecord = {
      ...started,
      status: end.status,
      finishedAt: this.deps.clock.now().toISOString(),
    };
    const inputJson = this.inputJson.get(started);
    const json: StepJson = inputJson !== undefined ? { input: inputJson } : {};
    if (end.output) {
      const stored = this.budget.fit(end.output, cutOutputs, (data) => this.encoder.outputs(data));
      step.output = stored.data;
      json.output = stored.json;
      if (stored.truncated) step.truncated = true;
      else this.encoder.storedWhole(end.output, step.nodeId, step.runIndex);
    }
    const deferred = this.deferredInput.get(started);
    if (deferred) {
      const stored = this.budget.fit(deferred, cutInputs, (data) => this.encoder.inputs(data));
      json.input = stored.json;
      if (stored.truncated) {
        step.input = stored.data;
        step.truncated = true;
      }
    }
    if (end.runState !== undefined) step.runState = end.runState;
    if (end.logs && end.logs.length > 0) step.logs = end.logs;
    if (end.error) step.error = end.error;
    if (end.pinned) step.pinned = true;
    if (end.waitUntil !== undefined) step.waitUntil = end.waitUntil;
    this.track(this.deps.journal.stepFinished(step, json));
    this.request.onStep?.(step);
    return step;
  }

  /** A step reused from another execution (partial run): recorded again under this execution. */
  copy(prior: StepRecord): void {
    const step: StepRecord = { ...prior, executionId: this.request.executionId };
    if (step.input) {
      const stored = this.budget.fit(step.input, cutInputs);
      step.input = stored.data;
      if (stored.truncated) step.truncated = true;
    }
    if (step.output) {
      const stored = this.budget.fit(step.output, cutOutputs);
      step.output = stored.data;
      if (stored.truncated) step.truncated = true;
    }
    this.track(this.deps.journal.stepStarted({ ...step, status: 'running' }));
    this.track(this.deps.journal.stepFinished(step));
    this.request.onStep?.(step);
  }
}
