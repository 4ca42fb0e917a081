import type { ExecutionQueue } from './types.js';

/**
 * Bounded worker pool over an in-memory list of execution ids. The execution row (status
 * 'queued') is the durable record: ids lost here on a crash are found again by recovery.
 */
export function createInProcessQueue(): ExecutionQueue {
  const pending: string[] = [];
  let head = 0;
  let handler: ((executionId: string) => Promise<void>) | undefined;
  let concurrency = 1;
  let active = 0;
  let draining = false;
  const idleWaiters = new Set<() => void>();

  function pump(): void {
    while (handler && !draining && active < concurrency && head < pending.length) {
      const id = pending[head] as string;
      head += 1;
      if (head > 1024 && head * 2 > pending.length) {
        pending.splice(0, head);
        head = 0;
      }
      active += 1;
      void runOne(handler, id);
    }
  }

  async function runOne(run: (executionId: string) => Promise<void>, id: string): Promise<void> {
    try {
      await run(id);
    } catch {
      // the handler records its own failures; the pool must keep going
    } finally {
      active -= 1;
      if (active === 0) for (const resolve of idleWaiters) resolve();
      pump();
    }
  }

  return {
    async enqueue(executionId) {
      pending.push(executionId);
      pump();
    },
    hasIdleWorker() {
      return handler !== undefined && !draining && active < concurrency && head >= pending.length;
    },
    consume(run, options) {
      handler = run;
      concurrency = Math.max(1, Math.floor(options.concurrency));
      draining = false;
      pump();
    },
    async drain(timeoutMs) {
      draining = true;
      // ids not started stay 'queued' in the database; the next start recovers them
      pending.length = 0;
      head = 0;
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
