import type { Redis } from 'ioredis';
import type { Logger } from '@shopwire/sdk';
import { closeRedis, openRedis } from './redis-connection.js';

/**
 * Redis pub/sub for one process: one connection publishes, one subscribes (a subscribed
 * connection can run no other command). Events and control share it so a process holds two
 * connections for all its channels. ioredis resubscribes by itself after a reconnect.
 */
export interface RedisBus {
  /**
   * resolves with the number of subscribers that got the message once Redis took it; while
   * disconnected it waits (bounded by ioredis retries)
   */
  publish(channel: string, message: string): Promise<number>;
  /** resolves once Redis acknowledged the SUBSCRIBE */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
  /** removes the handler; the last one of a channel UNSUBSCRIBEs it */
  unsubscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
  /** both connections are up (readiness checks) */
  connected(): boolean;
  /** the publishing connection, for plain commands of other shared state (e.g. login limits) */
  readonly commands: Redis;
  /** idempotent */
  close(): Promise<void>;
}

export function createRedisBus(options: { redisUrl: string; logger: Logger; name?: string }): RedisBus {
  const name = options.name ?? 'shopwire';
  // events are published from many executions at once: one socket write per event loop tick
  const publisher = openRedis(options.redisUrl, {
    logger: options.logger,
    what: `${name}:publish`,
    redis: { enableAutoPipelining: true },
  });
  const subscriber = openRedis(options.redisUrl, {
    logger: options.logger,
    what: `${name}:subscribe`,
    // SUBSCRIBE waits for the connection however long Redis is down (ready() reports it)
    redis: { maxRetriesPerRequest: null },
  });
  const handlers = new Map<string, Set<(message: string) => void>>();
  let closing: Promise<void> | undefined;

  subscriber.on('message', (channel: string, message: string) => {
    for (const handler of handlers.get(channel) ?? []) {
      try {
        handler(message);
      } catch (error) {
        options.logger.error('pub/sub handler failed', {
          channel,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  });

  return {
    commands: publisher,
    connected: () => publisher.status === 'ready' && subscriber.status === 'ready',
    async publish(channel, message) {
      if (closing) throw new Error('the Redis bus is closed');
      return publisher.publish(channel, message);
    },
    async subscribe(channel, onMessage) {
      if (closing) throw new Error('the Redis bus is closed');
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
      }
      set.add(onMessage);
      // ioredis resolves this on the server's acknowledgement
      await subscriber.subscribe(channel);
    },
    async unsubscribe(channel, onMessage) {
      const set = handlers.get(channel);
      if (!set?.delete(onMessage) || set.size > 0) return;
      handlers.delete(channel);
      if (!closing) await subscriber.unsubscribe(channel);
    },
    close() {
      closing ??= (async () => {
        handlers.clear();
        await Promise.all([closeRedis(publisher), closeRedis(subscriber)]);
      })();
      return closing;
    },
  };
}
