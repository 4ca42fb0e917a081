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
 * A run that may be repeated (see `started`) writes its `running` row only if it is still running
 * after this long: most finish sooner, and then one write records the whole run.
 */
export const START_WRITE_DELAY_MS = 100;

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
  private readonly encoder: StepEncoder;
  private readonly pending = new Set<Promise<void>>();
  private readonly startWrites = new WeakMap<StepRecord, Promise<void>>();
  /** started runs whose `running` write waits for START_WRITE_DELAY_MS: the write, and its timer */
  private readonly deferredStarts = new Map<StepRecord, { write: () => Promise<void>; cancel(): void }>();
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
    this.encoder = new StepEncoder(request.start.items);
  }

  /** Resolves when every write issued so far is committed; rejects with the first failed one. */
  async settle(): Promise<void> {
    // runs still going (the execution stopped around them) keep their `running` row, as always
    for (const step of [...this.deferredStarts.keys()]) void this.writeStart(step);
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

  /**
   * Records the start of a node run. `repeatable`: running it again after a crash is harmless (not
   * an action, or an action idempotent whatever its params), so nothing depends on its `running`
   * row being durable: the write waits START_WRITE_DELAY_MS, and a run that finishes sooner writes
   * one row instead of two. Only the live view (onStep, at once) and the stored execution of a
   * run still in progress see the difference. Without `clock.deadline`, every start is written at
   * once.
   */
  started(node: WorkflowNode, runIndex: number, input: Item[][], repeatable = false): StepRecord {
    // the start node's input is the start items: stored as a reference to the execution's copy
    const stored = this.budget.fit(input, cutInputs, (data) => this.encoder.inputs(data));
    const step: StepRecord = {
      executionId: this.request.executionId,
      nodeId: node.id,
      nodeName: node.name,
      runIndex,
      status: 'running',
      startedAt: this.deps.clock.now().toISOString(),
      input: stored.data,
      ...(stored.truncated ? { truncated: true } : {}),
    };
    const write = (): Promise<void> => {
      const written = this.deps.journal.stepStarted(step, { input: stored.json });
      this.track(written);
      this.startWrites.set(step, written);
      return written;
    };
    const deadline = repeatable ? this.deps.clock.deadline : undefined;
    if (deadline) {
      const timer = deadline.call(this.deps.clock, START_WRITE_DELAY_MS, () => this.writeStart(step));
      this.deferredStarts.set(step, { write, cancel: () => timer.cancel() });
    } else write();
    this.inputJson.set(step, stored.json);
    this.request.onStep?.(step);
    return step;
  }

  /** issues a deferred `running` write now (its delay passed, or someone waits for it) */
  private writeStart(step: StepRecord): Promise<void> | undefined {
    const deferred = this.deferredStarts.get(step);
    if (!deferred) return undefined;
    this.deferredStarts.delete(step);
    deferred.cancel();
    return deferred.write();
  }

  /**
   * Resolves once the `started` write of this step is committed. Only non-idempotent actions wait
   * for it (before their side effect), so a crash after the effect always leaves the marker.
   */
  committed(started: StepRecord): Promise<void> {
    return this.writeStart(started) ?? this.startWrites.get(started) ?? Promise.resolve();
  }

  finished(started: StepRecord, end: StepEnd): StepRecord {
    // the finished write carries the input too: a start not written yet never needs to be
    this.deferredStarts.get(started)?.cancel();
    this.deferredStarts.delete(started);
    const step = finishedCopy(started, end.status, this.deps.clock.now().toISOString());
    const inputJson = this.inputJson.get(started);
    const json: StepJson = inputJson !== undefined ? { input: inputJson } : {};
    if (end.output) {
      const stored = this.budget.fit(end.output, cutOutputs, (data) => this.encoder.outputs(data));
      step.output = stored.data;
      json.output = stored.json;
      if (stored.truncated) step.truncated = true;
      else this.encoder.storedWhole(end.output, step.nodeId, step.runIndex);
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

/**
 * `{ ...started, status, finishedAt }`, written out: an object that starts as a spread copy and
 * then gets a key it did not have stays alive through young-generation GCs in Node 20's V8, with
 * everything it points to (docs/architecture.md, "Garbage that dies young").
 */
function finishedCopy(started: StepRecord, status: StepRecord['status'], finishedAt: string): StepRecord {
  const step: StepRecord = {
    executionId: started.executionId,
    nodeId: started.nodeId,
    nodeName: started.nodeName,
    runIndex: started.runIndex,
    status,
    startedAt: started.startedAt,
    finishedAt,
  };
  if (started.input !== undefined) step.input = started.input;
  if (started.output !== undefined) step.output = started.output;
  if (started.runState !== undefined) step.runState = started.runState;
  if (started.logs !== undefined) step.logs = started.logs;
  if (started.error !== undefined) step.error = started.error;
  if (started.pinned !== undefined) step.pinned = started.pinned;
  if (started.truncated !== undefined) step.truncated = started.truncated;
  if (started.waitUntil !== undefined) step.waitUntil = started.waitUntil;
  return step;
}
