import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe } from 'vitest';

/**
 * The real PostgreSQL and Redis of this machine, for queue-mode tests. Same rule as the package
 * tests (packages/db test-helpers, runtime/redis/test-redis): without the services the suite is
 * skipped locally with a message, but FAILS when CI is set.
 */

export const TEST_PG_URL = process.env['SHOPWIRE_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env['SHOPWIRE_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${TEST_PG_URL}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probeRedis(): Promise<string | undefined> {
  const client = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return `Redis at ${TEST_REDIS_URL}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    client.disconnect();
  }
}

/** why queue mode can't run here (undefined: both services answer); probed once per test file */
const problems = (await Promise.all([probePostgres(), probeRedis()])).filter(Boolean).join('; ');

/** A suite that needs PostgreSQL and Redis: skipped locally without them, FAILS when CI is set. */
export function describeQueueMode(name: string, fn: () => void): void {
  if (problems && !process.env['CI']) {
    console.warn(`queue-mode services unreachable (${problems}): skipping "${name}"`);
    describe.skipIf(true)(name, fn);
    return;
  }
  describe(name, () => {
    if (problems) throw new Error(`CI is set but queue mode needs PostgreSQL and Redis: ${problems}`);
    fn();
  });
}

export function randomSuffix(): string {
  return randomBytes(5).toString('hex');
}

/** SQL on the test PostgreSQL (its own connection), with search_path set to `schema`. */
export async function pgRows<R = Record<string, unknown>>(
  schema: string,
  sqlText: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query(sqlText, params)).rows as R[];
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`refusing to drop schema "${schema}"`);
  await pgRows('public', `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

/** deletes every key under `prefix:` (SCAN + DEL, never KEYS); returns how many */
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
