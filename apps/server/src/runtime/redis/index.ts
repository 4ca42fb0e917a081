import type { Redis } from 'ioredis';
import type { Logger } from '@shopwire/sdk';
import type { ExecutionControl, ExecutionEvents, ExecutionQueue, InstancePresence } from '../types.js';
import { createBullmqQueue } from './bullmq-queue.js';
import { createRedisBus } from './redis-bus.js';
import { redactRedisUrl, withTimeout } from './redis-connection.js';
import { createRedisControl } from './redis-control.js';
import { createRedisEvents } from './redis-events.js';
import { createRedisPresence } from './redis-presence.js';

export { createBullmqQueue, GROUP_FULL_DELAY_MS, type BullmqQueueOptions } from './bullmq-queue.js';
export { createRedisBus, type RedisBus } from './redis-bus.js';
export { createRedisControl, type RedisControlOptions } from './redis-control.js';
export { createRedisEvents, MAX_REMOTE_STEP_BYTES, type RedisEventsOptions } from './redis-events.js';
export { createRedisPresence, type RedisPresenceOptions } from './redis-presence.js';
export { redactRedisUrl } from './redis-connection.js';

export interface RedisTransportOptions {
  redisUrl: string;
  /** every Redis key and channel starts with it */
  prefix: string;
  instanceId: string;
  lockDurationMs?: number;
  /** heartbeat TTL of this instance (presence) */
  presenceTtlMs?: number;
  /** false (workers): publish execution events without receiving other processes' */
  receiveEvents?: boolean;
  logger: Logger;
}

export interface RedisTransport {
  queue: ExecutionQueue & { close(): Promise<void> };
  events: ExecutionEvents;
  control: ExecutionControl;
  presence: InstancePresence;
  /** resolves once the pub/sub subscriptions are live; rejects after timeoutMs (Redis down) */
  ready(timeoutMs?: number): Promise<void>;
  /** the pub/sub connections are up (readiness check) */
  connected(): boolean;
  /** a command connection for other shared state (login limits) */
  readonly commands: Redis;
  /** closes the queue and pub/sub and stops the presence (deletes the heartbeat); idempotent */
  close(): Promise<void>;
}

/** Everything queue mode needs from Redis, as one object; events and control share pub/sub. */
export function createRedisTransport(options: RedisTransportOptions): RedisTransport {
  const { redisUrl, prefix, instanceId, logger } = options;
  const bus = createRedisBus({ redisUrl, logger, name: prefix });
  const queue = createBullmqQueue({
    redisUrl,
    prefix,
    logger,
    ...(options.lockDurationMs !== undefined ? { lockDurationMs: options.lockDurationMs } : {}),
  });
  const events = createRedisEvents({
    redisUrl,
    prefix,
    instanceId,
    logger,
    bus,
    ...(options.receiveEvents === false ? { receive: false } : {}),
  });
  const control = createRedisControl({ redisUrl, prefix, logger, bus });
  const presence = createRedisPresence({
    redisUrl,
    prefix,
    instanceId,
    logger,
    ...(options.presenceTtlMs !== undefined ? { ttlMs: options.presenceTtlMs } : {}),
  });
  let closing: Promise<void> | undefined;
  return {
    queue,
    events,
    control,
    presence,
    commands: bus.commands,
    connected: () => bus.connected(),
    ready: (timeoutMs = 10_000) =>
      withTimeout(
        Promise.all([events.ready(), control.ready()]).then(() => undefined),
        timeoutMs,
        `Redis at ${redactRedisUrl(redisUrl)} is unreachable (no pub/sub within ${timeoutMs} ms)`,
      ),
    close() {
      closing ??= (async () => {
        await Promise.all([queue.close(), events.close(), control.close(), presence.stop()]);
        await bus.close();
      })();
      return closing;
    },
  };
}
