import type { Logger } from '@shopwire/sdk';
import type { Store } from '@shopwire/db';

const MAX_TIMER_MS = 2_147_000_000; // setTimeout's limit (~24.8 days)

export interface WaitTimer {
  /** arm (or re-arm earlier) for a new waiting execution */
  notify(waitUntil: string): void;
  /** read the earliest waitUntil from the store and arm for it */
  rearm(): Promise<void>;
  /** move due waits to 'queued' and enqueue them now */
  releaseDue(): Promise<number>;
  stop(): void;
}

/**
 * One timer on the earliest `waitUntil` in the database; nothing is held in memory per waiting
 * execution. Due executions go back to 'queued' and into the queue; the engine replays their steps.
 */
export function createWaitTimer(deps: {
  store: Store;
  logger: Logger;
  enqueue(id: string, projectId: string): Promise<void>;
}): WaitTimer {
  let timer: NodeJS.Timeout | undefined;
  let armedAt: number | undefined;
  let stopped = false;
  let releasing: Promise<number> | undefined;

  function arm(at: number): void {
    if (stopped) return;
    if (armedAt !== undefined && armedAt <= at) return;
    if (timer) clearTimeout(timer);
    armedAt = at;
    timer = setTimeout(fire, Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now())));
    timer.unref();
  }

  function fire(): void {
    timer = undefined;
    armedAt = undefined;
    void releaseDue()
      .then(() => rearm())
      .catch((error: unknown) => {
        deps.logger.error('resuming waiting executions failed', { error: (error as Error).message });
        arm(Date.now() + 5000);
      });
  }

  async function releaseOnce(): Promise<number> {
    let released = 0;
    for (;;) {
      const due = await deps.store.executions.listDueWaits(new Date().toISOString(), 100);
      for (const record of due) {
        // atomic: of several processes releasing the same wait, exactly one enqueues it
        if (!(await deps.store.executions.releaseWait(record.id))) continue;
        await deps.enqueue(record.id, record.projectId);
        released += 1;
      }
      if (due.length < 100) return released;
    }
  }

  function releaseDue(): Promise<number> {
    if (stopped) return Promise.resolve(0);
    releasing ??= releaseOnce().finally(() => (releasing = undefined));
    return releasing;
  }

  async function rearm(): Promise<void> {
    const next = await deps.store.executions.nextWaitAt();
    if (next) arm(Date.parse(next));
  }

  return {
    notify: (waitUntil) => arm(Date.parse(waitUntil)),
    rearm,
    releaseDue,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
