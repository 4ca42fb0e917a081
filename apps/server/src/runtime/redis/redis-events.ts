import type { Logger } from '@shopwire/sdk';
import { createInMemoryEvents } from '../in-memory-events.js';
import type { ExecutionEvent, ExecutionEvents } from '../types.js';
import { createRedisBus, type RedisBus } from './redis-bus.js';
import { connectionErrorLogger } from './redis-connection.js';

/** a step event bigger than this crosses processes without its items (the live view reloads them) */
export const MAX_REMOTE_STEP_BYTES = 64 * 1024;

export interface RedisEventsOptions {
  redisUrl: string;
  /** every channel name starts with it */
  prefix: string;
  /** this process: its own messages coming back from Redis are ignored */
  instanceId: string;
  logger: Logger;
  /** share pub/sub connections with control (createRedisTransport); not closed by close() */
  bus?: RedisBus;
  /**
   * false: publish only (queue-mode workers: nothing in them listens to other processes' events,
   * and parsing every event of the installation would cost them CPU for nothing)
   */
  receive?: boolean;
}

interface Envelope {
  origin: string;
  event: ExecutionEvent;
}

/**
 * Execution progress across processes: listeners in this process get local events synchronously
 * (as in one process); every event is also published on `${prefix}:events`, and events published
 * by other processes are delivered to local listeners when they arrive.
 */
export function createRedisEvents(
  options: RedisEventsOptions,
): ExecutionEvents & { ready(): Promise<void>; close(): Promise<void> } {
  const { prefix, instanceId, logger } = options;
  const channel = `${prefix}:events`;
  const local = createInMemoryEvents();
  const ownBus = options.bus === undefined;
  const bus = options.bus ?? createRedisBus({ redisUrl: options.redisUrl, logger, name: `${prefix}:events` });
  let closed = false;
  // throttled: during an outage every buffered event fails at once
  const publishFailed = connectionErrorLogger(logger, 'execution events: publish');

  const subscribed =
    options.receive === false
      ? Promise.resolve()
      : bus.subscribe(channel, (message) => {
          const envelope = parseEnvelope(message);
          if (!envelope || envelope.origin === instanceId || closed) return;
          local.publish(envelope.event);
        });
  // ready() reports it; without this a failure before anyone calls ready() would be unhandled
  subscribed.catch(() => undefined);

  return {
    publish(event) {
      local.publish(event);
      if (closed) return;
      // fire and forget: the execution must not wait for (or fail with) the live view
      bus.publish(channel, encodeEnvelope({ origin: instanceId, event })).catch(publishFailed.onError);
    },
    subscribe: (key, listener) => local.subscribe(key, listener),
    ready: () => subscribed,
    async close() {
      if (closed) return;
      closed = true;
      if (ownBus) await bus.close();
    },
  };
}

/** JSON of the envelope; a big step event loses its items, keeping status, timings and error */
export function encodeEnvelope(envelope: Envelope): string {
  const json = JSON.stringify(envelope);
  const { event } = envelope;
  if (event.type !== 'step' || Buffer.byteLength(json) <= MAX_REMOTE_STEP_BYTES) return json;
  const { input: _input, output: _output, runState: _runState, logs: _logs, ...step } = event.step;
  return JSON.stringify({ ...envelope, event: { ...event, step: { ...step, truncated: true } } });
}

function parseEnvelope(message: string): Envelope | undefined {
  try {
    const parsed = JSON.parse(message) as Partial<Envelope> | null;
    const event = parsed?.event;
    if (
      typeof parsed?.origin !== 'string' ||
      typeof event !== 'object' ||
      event === null ||
      typeof event.type !== 'string' ||
      typeof event.executionId !== 'string' ||
      typeof event.workflowId !== 'string'
    )
      return undefined;
    return parsed as Envelope;
  } catch {
    return undefined;
  }
}
