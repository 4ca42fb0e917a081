import type { CancelSignal } from '@shopwire/engine';

/**
 * An execution's cancel switch: what the runner, cancel() and shutdown need of an AbortController,
 * without its AbortSignal. Node 20 keeps every AbortSignal alive through young-generation GCs: one
 * `new AbortController().signal` per execution promoted ~2.5 MB per scavenge in a load test, more
 * than everything else an execution leaves behind. The engine makes a real AbortSignal only for a
 * node that asks for `ctx.signal`.
 */
export class RunCancel implements CancelSignal {
  aborted = false;
  reason: unknown = undefined;
  #listeners: (() => void)[] = [];

  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason ?? new Error('This operation was aborted');
    for (const listener of this.#listeners.splice(0)) {
      try {
        listener();
      } catch {
        // as with EventTarget: one listener's bug does not stop the others
      }
    }
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted && !this.#listeners.includes(listener)) this.#listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const index = this.#listeners.indexOf(listener);
    if (index >= 0) this.#listeners.splice(index, 1);
  }
}
