import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe } from 'vitest';
import type { Logger } from '@shopwire/sdk';

/** Redis for the tests: SHOPWIRE_TEST_REDIS_URL, default the local server. */
export const TEST_REDIS_URL = process.env['SHOPWIRE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function probeRedis(): Promise<string | undefined> {
  const client = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // connect() only says "Connection is closed"; the 'error' event has the cause (ECONNREFUSED ...)
  let cause: string | undefined;
  client.on('error', (error: Error) => (cause ??= error.message));
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return cause ?? (error instanceof Error ? error.message : String(error));
  } finally {
    client.disconnect();
  }
}

/** why Redis is unusable (undefined: reachable); probed once per test file */
const redisProblem = await probeRedis();

/** A Redis suite: skipped locally (with a message) without Redis, but FAILS when CI is set. */
export function describeRedis(name: string, fn: () => void): void {
  if (redisProblem && !process.env['CI']) {
    console.warn(`Redis at ${TEST_REDIS_URL} unreachable (${redisProblem}): skipping "${name} [redis]"`);
    describe.skipIf(true)(`${name} [redis]`, fn);
    return;
  }
  describe(`${name} [redis]`, () => {
    if (redisProblem)
      throw new Error(`CI is set but Redis at ${TEST_REDIS_URL} is unreachable: ${redisProblem}`);
    fn();
  });
}

/** a key prefix of its own for one test file: `swtest:<random>` */
export function redisTestPrefix(): string {
  return `swtest:${randomBytes(6).toString('hex')}`;
}

/** deletes every key under the prefix (SCAN + DEL, never KEYS) */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  const client = new Redis(TEST_REDIS_URL);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    await client.quit();
  }
  return deleted;
}

/** a Logger that keeps what it was told (tests assert on warnings) */
export function recordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const record = (level: string) => (message: string) => {
    lines.push({ level, message });
  };
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

/** polls until check() is truthy; throws with `what` after timeoutMs */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 5000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
