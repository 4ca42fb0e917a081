import { DelayedError, Queue, WaitingError, Worker, type Job } from 'bullmq';
import type { Logger } from '@shopwire/sdk';
import type { ExecutionQueue, JobOutcome } from '../types.js';
import { connectionErrorLogger, redactRedisUrl, withTimeout } from './redis-connection.js';

export interface BullmqQueueOptions {
  redisUrl: string;
  /** BullMQ key prefix: keys are `${prefix}:${queueName}:...` */
  prefix: string;
  queueName?: string;
  /**
   * BullMQ job lock. A running job's lock is renewed every lockDurationMs / 2; when its worker
   * dies, the lock lapses and another worker's stalled check takes the job over.
   */
  lockDurationMs?: number;
  /** enqueue rejects when Redis has not taken the job by then (Redis down) */
  enqueueTimeoutMs?: number;
  logger: Logger;
}

interface JobData {
  executionId: string;
  group?: string;
}

/** a job of a group that is full in this process is tried again this much later */
export const GROUP_FULL_DELAY_MS = 250;
/** 'later' (the row is still held by a live worker): offered again after this long */
export const LATER_DELAY_MS = 1000;
/** close never waits longer than this for Redis (it may be down) */
const CLOSE_TIMEOUT_MS = 5000;
/** a job must never fail for stalling: a re-delivered job is how a dead worker's run is taken over */
const MAX_STALLED_COUNT = 1_000_000_000;

/**
 * Execution queue on BullMQ. The job id is the execution id, so enqueueing an id whose job is
 * still waiting, delayed or running is a no-op; the execution row stays the durable record.
 * Ownership of a running job is BullMQ's lock (renewed while the handler runs).
 */
export function createBullmqQueue(options: BullmqQueueOptions): ExecutionQueue & { close(): Promise<void> } {
  const { redisUrl, prefix, logger } = options;
  const queueName = options.queueName ?? 'executions';
  const lockDurationMs = Math.max(500, Math.floor(options.lockDurationMs ?? 30_000));
  const enqueueTimeoutMs = options.enqueueTimeoutMs ?? 5000;
  const where = redactRedisUrl(redisUrl);

  let producer: Queue<JobData> | undefined;
  let worker: Worker<JobData> | undefined;
  let handler: ((executionId: string) => Promise<JobOutcome>) | undefined;
  let groupConcurrency = Number.POSITIVE_INFINITY;
  let active = 0;
  const activeByGroup = new Map<string, number>();
  const idleWaiters = new Set<() => void>();
  /** moveToWait / moveToDelayed calls in flight: close lets them finish */
  const settling = new Set<Promise<unknown>>();
  let draining = false;
  let closing: Promise<void> | undefined;

  function getProducer(): Queue<JobData> {
    if (!producer) {
      producer = new Queue<JobData>(queueName, { connection: { url: redisUrl }, prefix });
      const log = connectionErrorLogger(logger, 'execution queue (enqueue)');
      producer.on('error', log.onError);
    }
    return producer;
  }

  /** moves the job out of `active` itself, then tells BullMQ not to complete it */
  async function release(move: Promise<unknown>, error: Error, executionId: string): Promise<never> {
    const tracked = move.catch((cause: unknown) => {
      // the job stays active without a lock renewal: the stalled check re-delivers it later
      logger.warn('could not move an execution job back to the queue', {
        executionId,
        error: cause instanceof Error ? cause.message : String(cause),
      });
    });
    settling.add(tracked);
    try {
      await tracked;
    } finally {
      settling.delete(tracked);
    }
    throw error;
  }

  function enter(group: string | undefined): void {
    active += 1;
    if (group !== undefined) activeByGroup.set(group, (activeByGroup.get(group) ?? 0) + 1);
  }

  function leave(group: string | undefined): void {
    active -= 1;
    if (group !== undefined) {
      const left = (activeByGroup.get(group) ?? 1) - 1;
      if (left <= 0) activeByGroup.delete(group);
      else activeByGroup.set(group, left);
    }
    if (active === 0) for (const resolve of [...idleWaiters]) resolve();
  }

  async function processJob(job: Job<JobData>, token?: string): Promise<void> {
    const { executionId, group } = job.data;
    const run = handler;
    // fetched while stopping (BullMQ may finish one blocking fetch after pause): give it back
    if (!run || draining || closing) {
      return release(job.moveToWait(token), new WaitingError(), executionId);
    }
    if (group !== undefined && (activeByGroup.get(group) ?? 0) >= groupConcurrency) {
      // don't hold a slot: other groups' jobs run meanwhile
      return release(
        job.moveToDelayed(Date.now() + GROUP_FULL_DELAY_MS, token),
        new DelayedError(),
        executionId,
      );
    }
    enter(group);
    let outcome: JobOutcome = undefined;
    try {
      outcome = await run(executionId);
    } catch (error) {
      // the handler records its own failures; a throw here must not fail (and park) the job
      logger.error('execution handler threw', {
        executionId,
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      leave(group);
    }
    if (outcome === 'handback') return release(job.moveToWait(token), new WaitingError(), executionId);
    if (outcome === 'later') {
      return release(job.moveToDelayed(Date.now() + LATER_DELAY_MS, token), new DelayedError(), executionId);
    }
  }

  function startWorker(concurrency: number): Worker<JobData> {
    const created = new Worker<JobData>(queueName, processJob, {
      connection: { url: redisUrl, maxRetriesPerRequest: null },
      prefix,
      concurrency,
      lockDuration: lockDurationMs,
      stalledInterval: Math.max(250, Math.floor(lockDurationMs / 2)),
      maxStalledCount: MAX_STALLED_COUNT,
      autorun: true,
    });
    const log = connectionErrorLogger(logger, 'execution queue (worker)');
    created.on('error', log.onError);
    created.on('lockRenewalFailed', (jobIds) => {
      logger.warn('lost the lock of running executions: another worker may take them over', { jobIds });
    });
    created.on('stalled', (jobId) => {
      logger.info('execution job stalled (its worker stopped): back in the queue', { executionId: jobId });
    });
    return created;
  }

  return {
    async enqueue(executionId, enqueueOptions) {
      if (closing) throw new Error('the execution queue is closed');
      assertJobId(executionId);
      const data: JobData = { executionId };
      if (enqueueOptions?.group !== undefined) data.group = enqueueOptions.group;
      await withTimeout(
        getProducer().add('run', data, {
          jobId: executionId,
          removeOnComplete: true,
          removeOnFail: { count: 1000 },
        }),
        enqueueTimeoutMs,
        `could not enqueue execution ${executionId}: Redis at ${where} did not answer within ${enqueueTimeoutMs} ms (is it running?)`,
      );
    },
    consume(run, consumeOptions) {
      if (closing) throw new Error('the execution queue is closed');
      handler = run;
      groupConcurrency = Math.max(1, Math.floor(consumeOptions.groupConcurrency ?? Number.POSITIVE_INFINITY));
      const concurrency = Math.max(1, Math.floor(consumeOptions.concurrency));
      draining = false;
      if (!worker) {
        worker = startWorker(concurrency);
        return;
      }
      worker.concurrency = concurrency;
      if (worker.isPaused()) worker.resume();
    },
    async drain(timeoutMs) {
      draining = true;
      // stop fetching; running jobs keep their lock (renewed until close)
      await worker?.pause(true);
      if (active === 0) return;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          idleWaiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, timeoutMs));
        idleWaiters.add(done);
      });
    },
    close() {
      closing ??= (async () => {
        await Promise.allSettled([...settling]);
        if (worker) {
          const current = worker;
          // nothing running: let BullMQ finish in-flight completions; else don't wait for handlers
          // (their jobs stay locked until the lock lapses, then another worker takes them over)
          await withTimeout(current.close(active > 0), CLOSE_TIMEOUT_MS, 'worker close timed out').catch(
            async () => {
              await current.disconnect().catch(() => undefined);
            },
          );
        }
        if (producer) {
          const current = producer;
          await withTimeout(current.close(), CLOSE_TIMEOUT_MS, 'queue close timed out').catch(async () => {
            await current.disconnect().catch(() => undefined);
          });
        }
      })();
      return closing;
    },
  };
}

/** BullMQ's rules for custom job ids (execution ids are base62 with a prefix, e.g. ex_0abc...) */
function assertJobId(executionId: string): void {
  if (!executionId || executionId.includes(':') || /^\d+$/.test(executionId)) {
    throw new Error(`"${executionId}" can't be a BullMQ job id (empty, contains ':' or only digits)`);
  }
}
