import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ExecutionEvent, ExecutionEvents } from '../runtime/types.js';

/**
 * Streams execution events as Server-Sent Events (`event: step|started|finished`, data = JSON).
 * Subscribes before `initial` runs, so nothing between "check current state" and "listen" is lost.
 */
export function streamExecutionEvents(
  c: Context,
  options: {
    events: ExecutionEvents;
    key: string;
    /** events to send first (e.g. `finished` when the execution is already over) */
    initial?: () => Promise<ExecutionEvent[]>;
    /** close the stream after this event */
    closeAfter?: (event: ExecutionEvent) => boolean;
    keepAliveMs?: number;
  },
): Response {
  return streamSSE(c, async (stream) => {
    const queue: ExecutionEvent[] = [];
    let wake: (() => void) | undefined;
    let aborted = false;
    const unsubscribe = options.events.subscribe(
      options.key,
      (event) => {
        queue.push(event);
        wake?.();
      },
      { steps: true },
    );
    stream.onAbort(() => {
      aborted = true;
      wake?.();
    });
    try {
      if (options.initial) queue.unshift(...(await options.initial()));
      while (!aborted) {
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
          if (options.closeAfter?.(event)) break;
          continue;
        }
        const timedOut = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), options.keepAliveMs ?? 15_000);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        wake = undefined;
        if (timedOut && !aborted) await stream.write(': keep-alive\n\n');
      }
    } finally {
      unsubscribe();
    }
  });
}
