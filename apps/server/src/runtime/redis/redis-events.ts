import type { Logger } from '@shopwire/sdk';
import { createInMemoryEvents } from '../in-memory-events.js';
import type { ExecutionEvent, ExecutionEvents } from '../types.js';
import { createRedisBus, type RedisBus } from './redis-bus.js';
import { connectionErrorLogger } from './redis-connection.js';

/**
 * Unwatched, a publisher still sends one step event this often: a listener whose announcement was
 * lost (Redis restarted in between) gets steps again within this time.
 */
const STEP_PROBE_MS = 5000;

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
  /** unwatched, one step event still goes out this often (default STEP_PROBE_MS) */
  stepProbeMs?: number;
}

interface Envelope {
  origin: string;
  event: ExecutionEvent;
}

/**
 * Execution progress across processes: listeners in this process get local events synchronously
 * (as in one process); every event is also published to Redis, and events published by other
 * processes are delivered to local listeners when they arrive.
 *
 * `step` events (several per execution, with their items) travel on their own channel,
 * `${prefix}:steps`, which a process subscribes to only while one of its listeners asked for steps
 * (an editor's live view). A publisher stops sending them once Redis reports that nobody received
 * one, until a process announces a new step listener on `${prefix}:steps-watched` (or one of its
 * probes, STEP_PROBE_MS apart, reaches someone): no live view, next to no step traffic. Started, response and finished events always go out on `${prefix}:events`.
 */
export function createRedisEvents(options: RedisEventsOptions): ExecutionEvents & {
  /** subscriptions (and the step channel, while listened to) are acknowledged */
  ready(): Promise<void>;
  close(): Promise<void>;
  /** step events this process sent to Redis */
  stepsSent(): number;
} {
  const { prefix, instanceId, logger } = options;
  const channel = `${prefix}:events`;
  const stepsChannel = `${prefix}:steps`;
  const watchedChannel = `${prefix}:steps-watched`;
  const local = createInMemoryEvents();
  const ownBus = options.bus === undefined;
  const bus = options.bus ?? createRedisBus({ redisUrl: options.redisUrl, logger, name: `${prefix}:events` });
  let closed = false;
  // throttled: during an outage every buffered event fails at once
  const publishFailed = connectionErrorLogger(logger, 'execution events: publish');
  /** whether some process may listen to step events (until a publish reaches nobody) */
  let stepsWatched = true;
  /** bumped by every announcement: a "nobody got it" from an older publish must not undo it */
  let announcements = 0;
  let stepsSent = 0;
  let lastStepSentAt = 0;
  const stepProbeMs = options.stepProbeMs ?? STEP_PROBE_MS;

  const receiveRemote = (message: string): void => {
    const envelope = parseEnvelope(message);
    if (!envelope || envelope.origin === instanceId || closed) return;
    local.publish(envelope.event);
  };
  const subscribed = Promise.all([
    options.receive === false ? undefined : bus.subscribe(channel, receiveRemote),
    bus.subscribe(watchedChannel, () => {
      announcements += 1;
      stepsWatched = true;
    }),
  ]).then(() => undefined);
  // ready() reports it; without this a failure before anyone calls ready() would be unhandled
  subscribed.catch(() => undefined);

  /** the last step-channel subscription (ready() waits for it too) */
  let watching: Promise<void> = Promise.resolve();
  /** this process's first step listener: receive the step channel, then tell the publishers */
  async function watchSteps(): Promise<void> {
    await bus.subscribe(stepsChannel, receiveRemote);
    await bus.publish(watchedChannel, instanceId);
  }

  function publishStep(event: ExecutionEvent): void {
    const now = Date.now();
    // unwatched: one step every STEP_PROBE_MS still goes out, in case an announcement was lost
    if (!stepsWatched && now - lastStepSentAt < stepProbeMs) return;
    lastStepSentAt = now;
    const seen = announcements;
    stepsSent += 1;
    bus
      .publish(stepsChannel, encodeEnvelope({ origin: instanceId, event }))
      .then((receivers) => {
        if (receivers > 0) stepsWatched = true;
        else if (seen === announcements) stepsWatched = false;
      })
      .catch(publishFailed.onError);
  }

  return {
    publish(event) {
      local.publish(event);
      if (closed) return;
      // fire and forget: the execution must not wait for (or fail with) the live view
      if (event.type === 'step') publishStep(event);
      else bus.publish(channel, encodeEnvelope({ origin: instanceId, event })).catch(publishFailed.onError);
    },
    subscribe(key, listener, subscribeOptions) {
      const unsubscribe = local.subscribe(key, listener, subscribeOptions);
      if (subscribeOptions?.steps !== true || options.receive === false || closed) return unsubscribe;
      if (local.stepListenerCount() === 1) {
        // a failure is logged; this process's live views then get other processes' steps once a
        // worker's next probe (STEP_PROBE_MS) finds them
        watching = watchSteps().catch(publishFailed.onError);
      }
      return () => {
        unsubscribe();
        if (local.stepListenerCount() === 0 && !closed)
          bus.unsubscribe(stepsChannel, receiveRemote).catch(publishFailed.onError);
      };
    },
    ready: async () => {
      await subscribed;
      await watching;
    },
    stepsSent: () => stepsSent,
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
