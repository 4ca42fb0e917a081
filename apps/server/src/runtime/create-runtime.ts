import { ChurnMap, ShopwireError } from '@shopwire/sdk';
import type { ExecutionRecord, NewExecution } from '@shopwire/db';
import { createExecutor, validateWorkflow, type Executor } from '@shopwire/engine';
import {
  activateWorkflowInStore,
  deactivateWorkflowInStore,
  getWorkflowOrThrow,
  type ActivationDeps,
} from './activation.js';
import { createActiveWorkflows } from './active-workflows.js';
import { createCredentialResolver } from './credential-resolver.js';
import { createErrorWorkflowStarter } from './error-workflow.js';
import { createExecutionControls, type StartOptions } from './execution-controls.js';
import { createInMemoryEvents } from './in-memory-events.js';
import { createInProcessQueue } from './in-process-queue.js';
import { createPolling } from './polling.js';
import { createPruner } from './pruner.js';
import { realClock } from './real-clock.js';
import { createQueueClaim } from './queue-claim.js';
import { recoverExecutions, reofferExecutions } from './recovery.js';
import type { RunCancel } from './run-cancel.js';
import { createRunner, SHUTDOWN, type RunHint } from './runner.js';
import { createScheduleStarter } from './schedule-start.js';
import { createScheduler } from './scheduler.js';
import { createSubworkflowExecutor } from './subworkflow.js';
import { createTestWebhooks } from './test-webhooks.js';
import { createTriggerContext } from './trigger-context.js';
import type { JobOutcome, Runtime, RuntimeOptions } from './types.js';
import { createVarsCache } from './vars-cache.js';
import { createWaitTimer } from './waits.js';
import { createWebhookHandler } from './webhook-handler.js';
import { createWebhookRateLimiter } from './webhook-rate-limit.js';
import { normalizeWebhookPath } from './webhook-paths.js';
import { serveWorkflow } from './webhook-target.js';

/** How often a running server re-reads active workflows (CLI activations, other processes). */
const SYNC_INTERVAL_MS = 3000;
/** Beyond this many not-yet-run executions, workers re-read their input from the database (memory bound). */
const MAX_HINTS = 10_000;
/** Queue mode: how often `start` processes re-offer queued rows and dead workers' rows, and re-read waits. */
const REOFFER_INTERVAL_MS = 15_000;

/** Wires store, engine, queue, events, triggers and timers into one Runtime. */
export function createRuntime(options: RuntimeOptions): Runtime {
  const { store, registry, logger } = options;
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const events = options.events ?? createInMemoryEvents();
  const inProcess = options.queue === undefined;
  const queue = options.queue ?? createInProcessQueue();
  const role = options.role ?? 'all';
  if (role !== 'all' && (inProcess || !options.presence)) {
    throw new Error(`runtime role "${role}" needs a shared queue and presence (queue mode)`);
  }
  /** this process runs executions (single process, or a queue-mode worker) */
  const runsExecutions = role !== 'main';
  /** this process serves triggers, waits and pruning (single process, or a queue-mode `start`) */
  const servesTriggers = role !== 'worker';
  const claimForQueue =
    role === 'worker' && options.presence
      ? createQueueClaim({ store, instanceId: options.instanceId, presence: options.presence, logger })
      : undefined;
  /** executions this worker aborted for shutdown: handed back to the queue */
  const handedBack = new Set<string>();
  let reofferTimer: NodeJS.Timeout | undefined;
  // one entry per execution, added and removed all the time: see ChurnMap for why not a Map
  const hints = new ChurnMap<string, RunHint>();
  const running = new ChurnMap<string, RunCancel>();
  const credentials = createCredentialResolver(store, { onUse: options.onCredentialUse });
  const activationDeps: ActivationDeps = { store, registry, http: options.http, logger, publicUrl };
  let started = false;
  let stopping = false;
  let syncTimer: NodeJS.Timeout | undefined;

  /** writes the queued row; remembers the input so this process's worker skips re-reading it */
  async function createExecution(
    input: NewExecution,
    active: boolean,
    fresh = true,
  ): Promise<ExecutionRecord> {
    const hinted = inProcess && !stopping && hints.size < MAX_HINTS;
    // A worker is free, so this process runs it right away: write the row already claimed and
    // skip the claim write. (If the slot is taken meanwhile it waits as 'running'; recovery
    // treats it like a queued row.)
    const claim = hinted && fresh && queue.hasIdleWorker?.(input.projectId) === true;
    // not { ...input, claimedBy }: see docs/architecture.md, "Garbage that dies young"
    const record = await store.executions.create(
      claim ? Object.assign({}, input, { claimedBy: options.instanceId }) : input,
    );
    if (hinted) {
      const document =
        input.document.id === input.workflowId ? input.document : { ...input.document, id: input.workflowId };
      hints.set(record.id, {
        record,
        document: document as RunHint['document'],
        startItems: input.startItems,
        fresh,
        active,
        claimed: claim,
      });
    }
    return record;
  }

  /** the project is the queue's group: the per-project cap applies to every way in */
  async function enqueue(id: string, projectId: string): Promise<void> {
    if (stopping || !started) {
      hints.delete(id); // stays 'queued' in the database: the next start recovers it
      return;
    }
    await queue.enqueue(id, { group: projectId });
  }

  async function startExecution(input: NewExecution, start?: StartOptions): Promise<ExecutionRecord> {
    const served = active.get(input.workflowId);
    const record = await createExecution(input, served?.active ?? false, start?.fresh ?? true);
    if (start?.beforeEnqueue) await start.beforeEnqueue(record);
    await enqueue(record.id, record.projectId);
    return record;
  }

  // the runner and the executor refer to each other: the runner reads it lazily once both exist
  // eslint-disable-next-line prefer-const
  let executor: Executor | undefined;
  const runner = createRunner({
    store,
    instanceId: options.instanceId,
    events,
    logger,
    executor: () => executor as Executor,
    hints,
    running,
    vars: createVarsCache(store),
    // a queue-mode worker's waits are released by the `start` processes (events + re-reads)
    onWaiting: (until) => {
      if (servesTriggers) waits.notify(until);
    },
    onFailed: createErrorWorkflowStarter({
      store,
      registry,
      logger,
      startExecution: (input) => startExecution(input),
    }),
  });
  executor = createExecutor({
    nodes: registry,
    sandbox: options.sandbox,
    journal: store.journal,
    clock: realClock,
    http: options.http,
    credentials,
    state: store.nodeState,
    logger,
    executeSubworkflow: createSubworkflowExecutor({
      store,
      registry,
      runner: () => runner,
      running,
      createExecution,
    }),
    limits: {
      maxExecutionDataBytes: options.maxExecutionDataBytes,
      ...(options.networkRetry
        ? {
            networkRetryBaseMs: options.networkRetry.baseMs,
            networkRetryMaxMs: options.networkRetry.maxMs,
            networkRetryTotalMs: options.networkRetry.totalMs,
          }
        : {}),
    },
  });

  const waits = createWaitTimer({ store, logger, enqueue });
  const scheduler = createScheduler({
    store,
    logger,
    missedPolicy: (workflowId) => active.get(workflowId)?.document.settings.missedSchedules,
    startTick: createScheduleStarter({ store, active: () => active, enqueue }),
  });
  const polling = createPolling({
    registry,
    logger,
    context: (workflow, trigger, params) =>
      createTriggerContext({
        params,
        workflow: { id: workflow.workflowId, name: workflow.name, projectId: workflow.projectId },
        node: trigger.node,
        definition: trigger.definition,
        credentials,
        http: options.http,
        logger,
        nodeState: store.nodeState,
      }),
    startPoll: async (workflow, trigger, items) => {
      const served = active.get(workflow.workflowId);
      if (!served) return;
      await startExecution({
        workflowId: workflow.workflowId,
        workflowVersion: served.version,
        projectId: served.projectId,
        mode: 'polling',
        startNodeId: trigger.node.id,
        startItems: items,
        document: served.document,
        savedVersion: served.active,
      });
    },
  });
  let initialSync = true;
  const active = createActiveWorkflows({
    store,
    registry,
    logger,
    onChange: async (current) => {
      if (!started || stopping) return;
      polling.sync(current.list());
      await scheduler.sync(await store.schedules.all(), { initial: initialSync });
      initialSync = false;
    },
  });
  const tests = createTestWebhooks();
  const pruner = createPruner({ store, logger, pruning: options.pruning });

  const handleWebhook = createWebhookHandler({
    active,
    tests,
    events,
    logger,
    http: options.http,
    credentials,
    nodeState: store.nodeState,
    publicUrl,
    responseTimeoutMs: options.webhookResponseTimeoutMs,
    rateLimit:
      options.webhookRateLimit && options.webhookRateLimit.ratePerSecond > 0
        ? createWebhookRateLimiter(options.webhookRateLimit)
        : undefined,
    createExecution: (input, isActive) => createExecution(input, isActive),
    enqueue,
  });

  const controls = createExecutionControls({
    store,
    registry,
    events,
    running,
    startExecution,
    takeHint: (id) => {
      const hint = hints.get(id);
      if (!hint) return undefined;
      hints.delete(id);
      return { claimedBy: hint.claimed ? options.instanceId : undefined };
    },
    ...(options.control ? { control: options.control } : {}),
    ...(options.presence ? { presence: options.presence } : {}),
  });

  async function runQueued(id: string): Promise<JobOutcome> {
    try {
      if (claimForQueue) {
        const decision = await claimForQueue(id);
        if (decision !== 'run') return decision === 'later' ? 'later' : undefined;
        await runner.run(id, { claimed: true });
      } else {
        await runner.run(id);
      }
      if (handedBack.delete(id)) {
        // stopped mid-run: another worker resumes it from its last recorded step
        await store.executions.update(id, { status: 'queued', claimedBy: null });
        return 'handback';
      }
    } catch (error) {
      logger.error('execution failed to run', { executionId: id, error: (error as Error).message });
    }
    return undefined;
  }

  function reoffer(): Promise<unknown> {
    const presence = options.presence;
    if (!presence) return Promise.resolve();
    return Promise.all([
      reofferExecutions({ store, logger, liveInstances: () => presence.live(), enqueue, limit: 1000 }),
      waits.rearm(),
    ]).catch((error: unknown) =>
      logger.error('re-offering queued executions failed', { error: (error as Error).message }),
    );
  }

  return {
    events,
    async start() {
      if (started) return;
      started = true;
      stopping = false;
      options.control?.onCancel((id) =>
        running.get(id)?.abort(new ShopwireError('CANCELED', 'the execution was canceled')),
      );
      if (runsExecutions) {
        queue.consume(runQueued, {
          concurrency: options.concurrency,
          groupConcurrency: options.projectConcurrency ?? options.concurrency,
        });
      }
      if (!servesTriggers) return;
      if (role === 'all') {
        await recoverExecutions({
          store,
          logger,
          liveClaimers: [],
          enqueue: (id, projectId) => queue.enqueue(id, { group: projectId }),
        });
      } else {
        // waits parked by workers: arm the timer as they are reported, and re-read periodically
        events.subscribe('*', (event) => {
          if (event.type === 'finished' && event.outcome.waitUntil) waits.notify(event.outcome.waitUntil);
        });
        await reoffer();
        reofferTimer = setInterval(() => void reoffer(), REOFFER_INTERVAL_MS);
        reofferTimer.unref();
      }
      await active.reload();
      await waits.releaseDue();
      await waits.rearm();
      syncTimer = setInterval(() => {
        active
          .reload()
          .catch((error: unknown) =>
            logger.error('reloading active workflows failed', { error: (error as Error).message }),
          );
      }, SYNC_INTERVAL_MS);
      syncTimer.unref();
      pruner.start();
    },
    async stop(timeoutMs = 10_000) {
      if (stopping) return;
      stopping = true;
      clearInterval(syncTimer);
      clearInterval(reofferTimer);
      scheduler.stop();
      polling.stop();
      waits.stop();
      tests.stop();
      pruner.stop();
      hints.clear();
      await queue.drain(timeoutMs);
      // still running: leave the rows 'running'; recovery on the next start resumes them
      if (running.size > 0) {
        for (const [id, controller] of running) {
          // queue mode: hand the job back so another worker resumes it now, not after the lock expires
          if (role === 'worker') handedBack.add(id);
          controller.abort(SHUTDOWN);
        }
        // let aborted runs unwind (they write nothing more) before the caller closes the store
        await queue.drain(Math.min(1000, timeoutMs));
      }
      started = false;
    },
    startExecution: (input) => startExecution(input),
    runWorkflow: controls.runWorkflow,
    waitForFinish: controls.waitForFinish,
    cancel: controls.cancel,
    retry: controls.retry,
    async activate(workflowId) {
      await activateWorkflowInStore(activationDeps, workflowId);
      if (started) await active.reload();
    },
    async deactivate(workflowId) {
      await deactivateWorkflowInStore(activationDeps, workflowId);
      if (started) await active.reload();
    },
    async listenForTestWebhook(workflowId, document) {
      const record = await getWorkflowOrThrow(store, workflowId);
      validateWorkflow(document, registry);
      const served = serveWorkflow({
        workflowId,
        projectId: record.projectId,
        version: record.version,
        active: false,
        document,
        registry,
        normalizePath: (p) => normalizeWebhookPath(p),
      });
      const { paths, expiresAt } = tests.listen(served, options.testWebhookTimeoutMs);
      return { urls: paths.map((p) => `${publicUrl}/webhook-test/${p}`), expiresAt };
    },
    handleWebhook,
  };
}
