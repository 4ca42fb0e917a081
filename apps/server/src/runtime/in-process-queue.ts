import type { ExecutionQueue, JobOutcome } from './types.js';

/**
 * Bounded worker pool over an in-memory list of execution ids. The execution row (status
 * 'queued') is the durable record: ids lost here on a crash are found again by recovery.
 * Jobs may carry a group (the project): at most `groupConcurrency` of one group run at once, so
 * one busy shop can't take every slot; a job whose group is full waits without blocking others.
 */
interface Job {
  id: string;
  group: string | undefined;
}

export function createInProcessQueue(): ExecutionQueue {
  let pending: Job[] = [];
  let handler: ((executionId: string) => Promise<JobOutcome>) | undefined;
  let concurrency = 1;
  let groupConcurrency = Number.POSITIVE_INFINITY;
  let active = 0;
  const activeByGroup = new Map<string, number>();
  let draining = false;
  const idleWaiters = new Set<() => void>();

  const groupFull = (group: string | undefined): boolean =>
    group !== undefined && (activeByGroup.get(group) ?? 0) >= groupConcurrency;

  function pump(): void {
    if (!handler || draining) return;
    let skipped: Job[] | undefined;
    let index = 0;
    while (active < concurrency && index < pending.length) {
      const job = pending[index] as Job;
      index += 1;
      if (groupFull(job.group)) {
        (skipped ??= []).push(job);
        continue;
      }
      start(handler, job);
    }
    // keep the skipped jobs (in order) ahead of the ones not looked at yet
    if (index > 0) pending = skipped ? [...skipped, ...pending.slice(index)] : pending.slice(index);
  }

  function start(run: (executionId: string) => Promise<JobOutcome>, job: Job): void {
    active += 1;
    if (job.group !== undefined) activeByGroup.set(job.group, (activeByGroup.get(job.group) ?? 0) + 1);
    void runOne(run, job);
  }

  async function runOne(run: (executionId: string) => Promise<JobOutcome>, job: Job): Promise<void> {
    try {
      await run(job.id);
    } catch {
      // the handler records its own failures; the pool must keep going
    } finally {
      active -= 1;
      if (job.group !== undefined) {
        const left = (activeByGroup.get(job.group) ?? 1) - 1;
        if (left <= 0) activeByGroup.delete(job.group);
        else activeByGroup.set(job.group, left);
      }
      if (active === 0) for (const resolve of idleWaiters) resolve();
      pump();
    }
  }

  return {
    async enqueue(executionId, options) {
      pending.push({ id: executionId, group: options?.group });
      pump();
    },
    hasIdleWorker(group) {
      return (
        handler !== undefined &&
        !draining &&
        active < concurrency &&
        pending.length === 0 &&
        !groupFull(group)
      );
    },
    consume(run, options) {
      handler = run;
      concurrency = Math.max(1, Math.floor(options.concurrency));
      groupConcurrency = Math.max(1, Math.floor(options.groupConcurrency ?? Number.POSITIVE_INFINITY));
      draining = false;
      pump();
    },
    async drain(timeoutMs) {
      draining = true;
      // ids not started stay 'queued' in the database; the next start recovers them
      pending = [];
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
  };
}
