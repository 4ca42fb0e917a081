import type { Logger } from '@shopwire/sdk';
import type { InstancePresence } from '../types.js';
import { closeRedis, connectionErrorLogger, openRedis, withTimeout } from './redis-connection.js';

export interface RedisPresenceOptions {
  redisUrl: string;
  /** every key starts with it */
  prefix: string;
  instanceId: string;
  /** a heartbeat key lives this long; it is refreshed every ttlMs / 3 */
  ttlMs?: number;
  logger?: Logger;
}

const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Which runtime instances are alive: each one keeps `${prefix}:instance:<id>` alive with a TTL.
 * A killed process stops refreshing, so its key lapses within ttlMs and it drops out of live().
 */
export function createRedisPresence(options: RedisPresenceOptions): InstancePresence {
  const { prefix, instanceId } = options;
  const ttlMs = Math.max(300, Math.floor(options.ttlMs ?? 15_000));
  const logger = options.logger ?? silentLogger;
  const keyPrefix = `${prefix}:instance:`;
  const ownKey = `${keyPrefix}${instanceId}`;
  // lazy: a process that only lists instances connects on its first live()
  const redis = openRedis(options.redisUrl, {
    logger,
    what: `${prefix}:presence`,
    redis: { lazyConnect: true },
  });
  const beatFailed = connectionErrorLogger(logger, 'instance heartbeat');
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let started = false;

  const beat = async (): Promise<void> => {
    await redis.set(ownKey, new Date().toISOString(), 'PX', ttlMs);
  };

  return {
    async start() {
      if (stopped) throw new Error('instance presence was stopped');
      if (timer) return;
      started = true;
      await beat();
      timer = setInterval(
        () => {
          beat().catch(beatFailed.onError);
        },
        Math.floor(ttlMs / 3),
      );
      // the heartbeat alone must not keep the process alive
      timer.unref();
    },
    async live() {
      const ids: string[] = [];
      let cursor = '0';
      do {
        // SCAN, not KEYS: never blocks Redis however many keys it holds
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${globEscape(keyPrefix)}*`, 'COUNT', 200);
        cursor = next;
        for (const key of keys) ids.push(key.slice(keyPrefix.length));
      } while (cursor !== '0');
      // SCAN may return a key more than once
      return [...new Set(ids)].sort();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      // without a connection don't wait for one: the key lapses by itself within ttlMs
      if (started && redis.status === 'ready') {
        try {
          await withTimeout(redis.del(ownKey), 2000, 'timed out deleting the heartbeat key');
        } catch (error) {
          beatFailed.onError(error);
        }
      }
      await closeRedis(redis);
    },
  };
}

/** a literal string inside a SCAN MATCH pattern */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
