import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { createRedisPresence } from './redis-presence.js';
import { TEST_REDIS_URL, deleteRedisKeys, describeRedis, redisTestPrefix } from './test-redis.js';

const prefix = redisTestPrefix();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeRedis('Redis instance presence', () => {
  afterAll(async () => {
    await deleteRedisKeys(prefix);
  });

  it('lists live instances, drops a stopped one at once and a silent one when its TTL lapses', async () => {
    const ttlMs = 600;
    const main = createRedisPresence({ redisUrl: TEST_REDIS_URL, prefix, instanceId: 'main-1', ttlMs });
    const worker = createRedisPresence({ redisUrl: TEST_REDIS_URL, prefix, instanceId: 'worker-1', ttlMs });
    const raw = new Redis(TEST_REDIS_URL);
    try {
      await main.start();
      await worker.start();
      // a process killed a moment ago: its key is there but nobody refreshes it
      await raw.set(`${prefix}:instance:killed-1`, 'x', 'PX', ttlMs);
      // another prefix (another deployment on the same Redis) is not listed
      await raw.set(`${prefix}x:instance:elsewhere`, 'x', 'PX', ttlMs);
      expect(await main.live()).toEqual(['killed-1', 'main-1', 'worker-1']);

      await worker.stop();
      expect(await main.live()).toEqual(['killed-1', 'main-1']);

      // two TTLs later: the heartbeat kept main alive, the killed one lapsed
      await sleep(ttlMs * 2);
      expect(await main.live()).toEqual(['main-1']);
      await main.stop();
      expect(await raw.exists(`${prefix}:instance:main-1`)).toBe(0);
    } finally {
      await main.stop();
      await worker.stop();
      await raw.del(`${prefix}x:instance:elsewhere`);
      await raw.quit();
    }
  });
});
