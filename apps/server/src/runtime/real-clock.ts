import type { Clock } from '@shopwire/sdk';

/** Deadlines shorter than this get their own setTimeout (precise); longer ones share the wheel. */
const WHEEL_MIN_MS = 5_000;
/** the wheel's slot width: a long deadline fires up to this much late */
const SLOT_MS = 250;

/**
 * One shared timer for long deadlines (every execution's timeout, typically minutes): a callback
 * lands in the slot of its due time, and ONE unref'd interval runs while any slot is filled,
 * instead of a setTimeout + clearTimeout per execution.
 */
class TimerWheel {
  private readonly slots = new Map<number, Set<() => void>>();
  private ticker: NodeJS.Timeout | undefined;

  add(ms: number, onExpire: () => void): { cancel(): void } {
    const due = Math.ceil((Date.now() + ms) / SLOT_MS) * SLOT_MS;
    let slot = this.slots.get(due);
    if (!slot) this.slots.set(due, (slot = new Set()));
    slot.add(onExpire);
    if (!this.ticker) {
      this.ticker = setInterval(() => this.tick(), SLOT_MS);
      this.ticker.unref();
    }
    const owner = slot;
    return { cancel: () => void owner.delete(onExpire) };
  }

  private tick(): void {
    const now = Date.now();
    for (const [due, slot] of this.slots) {
      if (slot.size > 0 && due > now) continue;
      this.slots.delete(due);
      for (const onExpire of slot) onExpire();
    }
    if (this.slots.size === 0) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }
}

const wheel = new TimerWheel();

export const realClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  deadline: (ms, onExpire) => {
    if (ms >= WHEEL_MIN_MS) return wheel.add(ms, onExpire);
    const timer = setTimeout(onExpire, ms);
    return { cancel: () => clearTimeout(timer) };
  },
};
