import type { Clock } from '@shopwire/sdk';

/**
 * Test clock: sleeps use real (short) timers and are recorded; `now()` is a virtual time that moves
 * with real time and can be pushed forward with `advance()` (to make a durable wait due).
 */
export class TestClock implements Clock {
  readonly sleeps: number[] = [];
  private offset = 0;
  private readonly startedAt = performance.now();

  constructor(private readonly base = Date.parse('2025-01-01T00:00:00.000Z')) {}

  now(): Date {
    return new Date(this.base + Math.floor(performance.now() - this.startedAt) + this.offset);
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  deadline(ms: number, onExpire: () => void): { cancel(): void } {
    const timer = setTimeout(onExpire, ms);
    return { cancel: () => clearTimeout(timer) };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
