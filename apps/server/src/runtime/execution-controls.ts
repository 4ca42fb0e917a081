import {
  FINISHED_EXECUTION_STATUSES,
  ShopwireError,
  ValidationError,
  type ChurnMap,
  type Item,
  type Workflow,
} from '@shopwire/sdk';
import type { ExecutionRecord, NewExecution, Store } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import { validateWorkflow } from '@shopwire/engine';
import { getWorkflowOrThrow } from './activation.js';
import type { RunCancel } from './run-cancel.js';
import { pickStartNode } from './trigger-nodes.js';
import { copySteps, planPartialRun, reusableSteps } from './prior-steps.js';
import type {
  ExecutionControl,
  ExecutionEvents,
  ExecutionOutcome,
  InstancePresence,
  Runtime,
} from './types.js';

export interface StartOptions {
  /** false when steps will exist before the run (retry): the runner must load them */
  fresh?: boolean;
  /** runs after the row is written and before it is enqueued */
  beforeEnqueue?(record: ExecutionRecord): Promise<void>;
}

export interface ControlDeps {
  store: Store;
  registry: NodeRegistry;
  events: ExecutionEvents;
  running: ChurnMap<string, RunCancel>;
  /** queue mode: reaches the worker running an execution */
  control?: ExecutionControl;
  /** queue mode: tells whether the worker holding a running execution is still alive */
  presence?: InstancePresence;
  startExecution(input: NewExecution, options?: StartOptions): Promise<ExecutionRecord>;
  /**
   * In-process runs: takes the hand-over of an execution this process created and has not started
   * (runner.ts). `claimedBy`: the row was created claimed by this process.
   */
  takeHint?(executionId: string): { claimedBy: string | undefined } | undefined;
}

/** runWorkflow / cancel / retry / waitForFinish: the API's handles on executions. */
export function createExecutionControls(
  deps: ControlDeps,
): Pick<Runtime, 'runWorkflow' | 'cancel' | 'retry' | 'waitForFinish'> {
  const { store } = deps;

  async function runWorkflow(input: Parameters<Runtime['runWorkflow']>[0]): Promise<ExecutionRecord> {
    const record = await getWorkflowOrThrow(store, input.workflowId);
    const document: Workflow = input.document ?? record.document;
    validateWorkflow(document, deps.registry);
    const start = pickStartNode(document, deps.registry, input.startNodeId);
    if (
      input.destinationNodeId !== undefined &&
      !document.nodes.some((n) => n.id === input.destinationNodeId)
    ) {
      throw new ValidationError(
        'destinationNodeId',
        `no node with id "${input.destinationNodeId}" in this workflow`,
      );
    }
    const plan =
      input.priorExecutionId === undefined
        ? undefined
        : await planPartialRun(store, { ...input, priorExecutionId: input.priorExecutionId, document });
    const items: Item[] = input.items ?? plan?.startItems ?? [{ json: {} }];
    return deps.startExecution(
      {
        workflowId: record.id,
        workflowVersion: record.version,
        projectId: record.projectId,
        mode: input.mode ?? 'manual',
        startNodeId: plan?.startNodeId ?? start.id,
        startItems: items,
        ...(input.destinationNodeId !== undefined ? { destinationNodeId: input.destinationNodeId } : {}),
        document: { ...document, id: record.id },
      },
      plan ? { fresh: false, beforeEnqueue: (created) => copySteps(store, plan.steps, created) } : {},
    );
  }

  async function cancel(executionId: string): Promise<boolean> {
    const controller = deps.running.get(executionId);
    if (controller) {
      controller.abort(new ShopwireError('CANCELED', 'the execution was canceled'));
      return true;
    }
    // created here and not started yet: without its hint the runner claims it through the database,
    // where cancelIdle below wins or loses cleanly (a row created claimed by us, never started, is
    // as idle as a queued one)
    const notStarted = deps.takeHint?.(executionId);
    const record = await store.executions.get(executionId);
    if (!record || FINISHED_EXECUTION_STATUSES.includes(record.status)) return false;
    // running on a worker whose heartbeat has lapsed: nobody will finish it, cancel the row here
    let deadClaimer = notStarted?.claimedBy;
    if (!deadClaimer && record.status === 'running' && record.claimedBy !== null && deps.presence) {
      const live = await deps.presence.live();
      if (!live.includes(record.claimedBy)) deadClaimer = record.claimedBy;
    }
    if (await store.executions.cancelIdle(executionId, new Date().toISOString(), deadClaimer)) {
      deps.events.publish({
        type: 'finished',
        executionId,
        workflowId: record.workflowId,
        outcome: { status: 'canceled' },
      });
      return true;
    }
    // running in another process: its runtime aborts it and records 'canceled'
    if (!deps.control) return false;
    const current = await store.executions.get(executionId);
    if (current?.status !== 'running') return false;
    await deps.control.requestCancel(executionId);
    return true;
  }

  /** A new execution with the same snapshot; successful steps are copied so only the failed part re-runs. */
  async function retry(executionId: string): Promise<ExecutionRecord> {
    const record = await store.executions.get(executionId);
    if (!record) throw new ShopwireError('NOT_FOUND', `execution "${executionId}" does not exist`);
    if (!['error', 'canceled', 'crashed'].includes(record.status)) {
      throw new ValidationError(
        'executionId',
        `only failed or canceled executions can be retried (this one is ${record.status})`,
      );
    }
    const [input, steps] = await Promise.all([
      store.executions.getRunInput(executionId),
      store.executions.steps(executionId),
    ]);
    if (!input)
      throw new ShopwireError('NOT_FOUND', `execution "${executionId}" has no stored input to retry with`);
    const copy = (created: ExecutionRecord): Promise<void> => copySteps(store, reusableSteps(steps), created);
    return deps.startExecution(
      {
        workflowId: record.workflowId,
        workflowVersion: record.workflowVersion,
        projectId: record.projectId,
        mode: 'retry',
        startNodeId: record.startNodeId,
        startItems: input.startItems,
        retryOf: record.id,
        ...(record.destinationNodeId ? { destinationNodeId: record.destinationNodeId } : {}),
        document: input.document,
      },
      { fresh: false, beforeEnqueue: copy },
    );
  }

  async function waitForFinish(
    executionId: string,
    timeoutMs: number,
  ): Promise<ExecutionOutcome | undefined> {
    return new Promise<ExecutionOutcome | undefined>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: ExecutionOutcome | undefined): void => {
        if (settled) return;
        settled = true;
        unsubscribe();
        clearTimeout(timer);
        resolve(outcome);
      };
      const unsubscribe = deps.events.subscribe(executionId, (event) => {
        if (event.type === 'finished') settle(event.outcome);
      });
      const timer = setTimeout(() => settle(undefined), timeoutMs);
      // it may have finished before we subscribed
      store.executions.get(executionId).then((record) => {
        if (!record) return settle(undefined);
        if (FINISHED_EXECUTION_STATUSES.includes(record.status)) {
          const outcome: ExecutionOutcome = { status: record.status };
          if (record.error) outcome.error = record.error;
          settle(outcome);
        }
      }, reject);
    });
  }

  return { runWorkflow, cancel, retry, waitForFinish };
}
