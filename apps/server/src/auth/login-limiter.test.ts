import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import {
  TEST_REDIS_URL,
  deleteRedisKeys,
  describeRedis,
  recordingLogger,
  redisTestPrefix,
} from '../runtime/redis/test-redis.js';
import { createLoginLimiter, type LoginLimiter, type LoginLimiterOptions } from './login-limiter.js';
import { createRedisLoginLimiter } from './redis-login-limiter.js';

type Make = (options: LoginLimiterOptions) => LoginLimiter;

/** The same rules whichever store keeps the counts. */
function limiterRules(make: Make): void {
  it('locks an account after N failures in a row for the lockout time', async () => {
    let t = 1_000_000;
    const limiter = make({ maxFailures: 3, lockoutMs: 60_000, windowMax: 100, now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(await limiter.attempt('1.1.1.1', 'a@x')).toBeUndefined();
      await limiter.failed('a@x');
    }
    expect(await limiter.attempt('2.2.2.2', 'A@X')).toBe(60);
    expect(await limiter.attempt('1.1.1.1', 'b@x')).toBeUndefined();
    t += 30_000;
    expect(await limiter.attempt('1.1.1.1', 'a@x')).toBe(30);
    t += 30_001;
    expect(await limiter.attempt('1.1.1.1', 'a@x')).toBeUndefined();
    await limiter.failed('a@x'); // the count started over
    expect(await limiter.attempt('1.1.1.1', 'a@x')).toBeUndefined();
  });

  it('resets the failure count on success', async () => {
    const limiter = make({ maxFailures: 2, lockoutMs: 60_000, windowMax: 100, now: () => 1_000_000 });
    await limiter.failed('a@x');
    await limiter.succeeded('a@x');
    await limiter.failed('a@x');
    expect(await limiter.attempt('ip', 'a@x')).toBeUndefined();
  });

  it('limits attempts per IP + email in a sliding window', async () => {
    let t = 1_000_000;
    const limiter = make({ maxFailures: 1000, lockoutMs: 1, windowMax: 3, windowMs: 10_000, now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(await limiter.attempt('ip', 'a@x')).toBeUndefined();
      t += 1000;
    }
    expect(await limiter.attempt('ip', 'a@x')).toBe(7);
    expect(await limiter.attempt('other-ip', 'a@x')).toBeUndefined();
    t = 1_010_001;
    expect(await limiter.attempt('ip', 'a@x')).toBeUndefined();
  });

  it('does not count successful logins against the window', async () => {
    const limiter = make({ maxFailures: 5, lockoutMs: 60_000, windowMax: 2, now: () => 1_000_000 });
    for (let i = 0; i < 5; i++) {
      expect(await limiter.attempt('ip', 'a@x')).toBeUndefined();
      await limiter.succeeded('a@x', 'ip');
    }
    expect(await limiter.attempt('ip', 'a@x')).toBeUndefined();
    await limiter.failed('a@x');
    expect(await limiter.attempt('ip', 'a@x')).toBeUndefined();
    await limiter.failed('a@x');
    expect(await limiter.attempt('ip', 'a@x')).toBe(300); // two guesses fill the window of two
  });
}

describe('login limiter (in memory)', () => {
  limiterRules((options) => createLoginLimiter(options));
});

describeRedis('login limiter (Redis, shared by the processes of queue mode)', () => {
  const clients: Redis[] = [];
  const prefixes: string[] = [];
  const logger = recordingLogger();
  afterAll(async () => {
    for (const prefix of prefixes) await deleteRedisKeys(prefix);
    await Promise.all(clients.map((c) => c.quit()));
  });
  const connect = (): Redis => {
    const client = new Redis(TEST_REDIS_URL);
    clients.push(client);
    return client;
  };

  // each test its own prefix: the counts live in Redis
  limiterRules((options) => {
    const prefix = redisTestPrefix();
    prefixes.push(prefix);
    return createRedisLoginLimiter({ ...options, redis: connect(), prefix, logger });
  });

  it('two processes share the counts: failures on one lock the account on the other', async () => {
    const prefix = redisTestPrefix();
    prefixes.push(prefix);
    const options = { maxFailures: 4, lockoutMs: 60_000, windowMax: 100 };
    const a = createRedisLoginLimiter({ ...options, redis: connect(), prefix, logger });
    const b = createRedisLoginLimiter({ ...options, redis: connect(), prefix, logger });
    for (const limiter of [a, b, a, b]) {
      expect(await limiter.attempt('ip', 'owner@shop')).toBeUndefined();
      await limiter.failed('owner@shop');
    }
    expect(await a.attempt('ip', 'owner@shop')).toBe(60);
    expect(await b.attempt('other-ip', 'Owner@Shop')).toBe(60);
  });

  it('while Redis is unreachable it limits per process instead of refusing logins', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    const limiter = createRedisLoginLimiter({
      maxFailures: 2,
      lockoutMs: 60_000,
      windowMax: 100,
      redis: dead,
      prefix: redisTestPrefix(),
      logger,
    });
    expect(await limiter.attempt('ip', 'a@x')).toBeUndefined();
    await limiter.failed('a@x');
    await limiter.failed('a@x');
    expect(await limiter.attempt('ip', 'a@x')).toBe(60);
    expect(logger.lines.some((l) => l.message.includes('Redis unavailable'))).toBe(true);
    dead.disconnect();
  });
});
