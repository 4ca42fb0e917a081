import {
  toErrorData,
  type ChurnMap,
  type ErrorData,
  type Item,
  type Logger,
  type Workflow,
} from '@shopwire/sdk';
import type { ExecutionRecord, Store } from '@shopwire/db';
import type { CancelSignal, Executor, RunResult } from '@shopwire/engine';
import { RunCancel } from './run-cancel.js';
import type { ExecutionEvents, ExecutionOutcome } from './types.js';

/** What the process that created an execution already holds, so the hot path skips DB reads. */
export interface RunHint {
  record: ExecutionRecord;
  document: Workflow & { id: string };
  startItems: Item[];
  /** no steps were recorded yet (a new execution, not a resume or a retry) */
  fresh: boolean;
  active?: boolean;
  /** the row was created already claimed by this instance (no claim write needed) */
  claimed?: boolean;
}

export interface RunnerDeps {
  store: Store;
  instanceId: string;
  events: ExecutionEvents;
  logger: Logger;
  executor: () => Executor;
  hints: ChurnMap<string, RunHint>;
  /** per-execution cancellation, shared with cancel() and stop() */
  running: ChurnMap<string, RunCancel>;
  vars(projectId: string): Promise<Record<string, string>>;
  onWaiting(waitUntil: string): void;
  onFailed(input: {
    record: ExecutionRecord;
    document: Workflow & { id: string };
    result: RunResult;
  }): Promise<void>;
}

/**
 * A fresh execution that this process created and still holds in memory (a hint) starts without the
 * claim write: nothing else can run it (cancel() takes the hint of one not started yet, so the
 * database decides that race as before). Its `running` status is written only if it is still
 * running after this long; one that finishes sooner gets its start time with its final status.
 */
export const CLAIM_WRITE_DELAY_MS = 100;

/**
 * Abort reason used by stop(): the row stays as it is (running, or queued if its claim was not
 * written yet) and recovery resumes it on the next start.
 */
export const SHUTDOWN = Symbol('shutdown');

export interface Runner {
  /**
   * claim and run; undefined when another worker has it or it is no longer queued. `claimed`: the
   * caller already claimed the row for this instance (queue mode's claim, queue-claim.ts)
   */
  run(
    executionId: string,
    options?: { parentSignal?: CancelSignal; claimed?: boolean },
  ): Promise<RunResult | undefined>;
}

export function createRunner(deps: RunnerDeps): Runner {
  const { store, events } = deps;

  async function load(id: string, hint: RunHint | undefined) {
    if (hint) return { record: hint.record, document: hint.document, startItems: hint.startItems };
    const [record, input] = await Promise.all([store.executions.get(id), store.executions.getRunInput(id)]);
    if (!record || !input) return undefined;
    return { record, document: { ...input.document, id: record.workflowId }, startItems: input.startItems };
  }

  async function run(
    id: string,
    options?: { parentSignal?: CancelSignal; claimed?: boolean },
  ): Promise<RunResult | undefined> {
    const hint = deps.hints.get(id);
    deps.hints.delete(id);
    const claimed = options?.claimed === true || hint?.claimed === true;
    const local = !claimed && hint?.fresh === true;
    if (!claimed && !local && !(await store.executions.claim(id, deps.instanceId, new Date().toISOString())))
      return undefined;
    // no await between taking the hint and this: cancel() finds it either as a hint or running
    const cancel = new RunCancel();
    deps.running.set(id, cancel);
    const claim = local ? deferClaim(id) : undefined;
    const parent = options?.parentSignal;
    const onParentAbort = (): void => cancel.abort(parent?.reason);
    if (parent) {
      if (parent.aborted) onParentAbort();
      else parent.addEventListener('abort', onParentAbort, { once: true });
    }
    try {
      const loaded = await load(id, hint);
      if (!loaded) {
        claim?.cancel();
        await store.executions.update(id, {
          status: 'error',
          finishedAt: new Date().toISOString(),
          error: missingInput(id),
        });
        return undefined;
      }
      const { record, document, startItems } = loaded;
      const [priorSteps, vars] = await Promise.all([
        hint?.fresh ? Promise.resolve(undefined) : store.executions.steps(id),
        deps.vars(record.projectId),
      ]);
      const base = { executionId: id, workflowId: record.workflowId };
      events.publish({ type: 'started', ...base });
      let result: RunResult;
      try {
        result = await deps.executor().run({
          executionId: id,
          workflow: document,
          projectId: record.projectId,
          mode: record.mode,
          active: hint?.active ?? false,
          start: { nodeId: record.startNodeId, items: startItems },
          ...(priorSteps && priorSteps.length > 0 ? { priorSteps } : {}),
          ...(record.destinationNodeId ? { destinationNodeId: record.destinationNodeId } : {}),
          vars,
          signal: cancel,
          onStep: (step) => events.publish({ type: 'step', ...base, step }),
          onRespond: (response) => events.publish({ type: 'response', ...base, response }),
        });
      } catch (error) {
        result = {
          status: cancel.aborted ? 'canceled' : 'error',
          error: toErrorData(error),
          dataBytes: 0,
          truncated: false,
        };
      }
      // stopped for shutdown: the row stays queued or running, and the next start recovers it
      const startedAt = claim?.cancel();
      if (cancel.aborted && cancel.reason === SHUTDOWN) return result;
      await finish(record, document, result, startedAt);
      return result;
    } finally {
      claim?.cancel();
      deps.running.delete(id);
      parent?.removeEventListener('abort', onParentAbort);
    }
  }

  /**
   * The claim of a local start, written after CLAIM_WRITE_DELAY_MS. `cancel()` stops it and returns
   * the start time when it was never written (the final status then carries it).
   */
  function deferClaim(id: string): { cancel(): string | undefined } {
    const startedAt = new Date().toISOString();
    let written = false;
    const timer = setTimeout(() => {
      written = true;
      store.executions.claim(id, deps.instanceId, startedAt).catch((error: unknown) => {
        deps.logger.error('recording that an execution runs failed', {
          executionId: id,
          error: (error as Error).message,
        });
      });
    }, CLAIM_WRITE_DELAY_MS);
    timer.unref();
    return {
      cancel() {
        clearTimeout(timer);
        if (written) return undefined;
        written = true;
        return startedAt;
      },
    };
  }

  async function finish(
    record: ExecutionRecord,
    document: Workflow & { id: string },
    result: RunResult,
    /** a local start whose claim was never written: its start time goes with the final status */
    startedAt: string | undefined,
  ): Promise<void> {
    const id = record.id;
    const started = startedAt !== undefined ? { startedAt } : {};
    if (result.status === 'waiting' && result.waitUntil) {
      // `started` spread last, not first: see docs/architecture.md, "Garbage that dies young"
      await store.executions.update(id, {
        status: 'waiting',
        waitUntil: result.waitUntil,
        dataBytes: result.dataBytes,
        truncated: result.truncated,
        ...started,
      });
      deps.onWaiting(result.waitUntil);
    } else {
      const status = result.status === 'waiting' ? 'error' : result.status;
      const error: ErrorData | null =
        result.error ??
        (result.status === 'waiting'
          ? { code: 'INTERNAL', message: 'the engine paused without a resume time' }
          : null);
      await store.executions.update(id, {
        status,
        error,
        finishedAt: new Date().toISOString(),
        waitUntil: null,
        dataBytes: result.dataBytes,
        truncated: result.truncated,
        ...started,
      });
    }
    const outcome: ExecutionOutcome = { status: result.status };
    if (result.error) outcome.error = result.error;
    if (result.lastNode) outcome.lastNodeItems = result.lastNode.items;
    if (result.response) outcome.response = result.response;
    if (result.waitUntil) outcome.waitUntil = result.waitUntil;
    events.publish({ type: 'finished', executionId: id, workflowId: record.workflowId, outcome });
    if (result.status === 'error') {
      await deps.onFailed({ record, document, result }).catch((error: unknown) => {
        deps.logger.error('starting the error workflow failed', {
          executionId: id,
          error: (error as Error).message,
        });
      });
    }
  }

  return { run };
}

function missingInput(id: string): ErrorData {
  return { code: 'INTERNAL', message: `execution ${id} has no stored workflow snapshot; it cannot run` };
}
