import type { Clock } from '@shopwire/sdk';

/** Deadlines shorter than this get their own setTimeout (precise); longer ones share the wheel. */
const WHEEL_MIN_MS = 5_000;
/** the wheel's slot width: a long deadline fires up to this much late */
const SLOT_MS = 250;

/** the deadlines due in one SLOT_MS window; a cancelled one stays as an entry without callback */
interface WheelSlot {
  entries: { onExpire: (() => void) | undefined }[];
  /** entries not cancelled yet */
  live: number;
}

/**
 * One shared timer for long deadlines (every execution's timeout, typically minutes): a callback
 * lands in the slot of its due time, and ONE unref'd interval runs while any slot is filled,
 * instead of a setTimeout + clearTimeout per execution. A slot is an array, not a Set: cancelling
 * clears the entry instead of deleting it, because a long-lived Set churned by every execution
 * keeps them all alive for the young-generation GC (see ChurnMap in @shopwire/sdk).
 */
class TimerWheel {
  private readonly slots = new Map<number, WheelSlot>();
  private ticker: NodeJS.Timeout | undefined;

  add(ms: number, onExpire: () => void): { cancel(): void } {
    const due = Math.ceil((Date.now() + ms) / SLOT_MS) * SLOT_MS;
    let slot = this.slots.get(due);
    if (!slot) this.slots.set(due, (slot = { entries: [], live: 0 }));
    const owner = slot;
    const entry: WheelSlot['entries'][number] = { onExpire };
    owner.entries.push(entry);
    owner.live += 1;
    if (!this.ticker) {
      this.ticker = setInterval(() => this.tick(), SLOT_MS);
      this.ticker.unref();
    }
    return {
      cancel: () => {
        if (entry.onExpire === undefined) return;
        entry.onExpire = undefined;
        owner.live -= 1;
      },
    };
  }

  private tick(): void {
    const now = Date.now();
    for (const [due, slot] of this.slots) {
      if (slot.live > 0 && due > now) continue;
      this.slots.delete(due);
      for (const entry of slot.entries) entry.onExpire?.();
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
