// PostgreSQL and Redis for the queue-mode scenarios: reachability, an own schema / key prefix per
// run, and cleanup afterwards (the machine's services are shared with tests running in parallel).
// Same variables as the tests: SHOPWIRE_TEST_PG_URL, SHOPWIRE_TEST_REDIS_URL (default: local services).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

export const PG_URL = process.env.SHOPWIRE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.SHOPWIRE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function probePostgres() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${PG_URL}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probeRedis() {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // connect() only says "Connection is closed"; the 'error' event has the cause
  let cause;
  client.on('error', (error) => (cause ??= error.message));
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return `Redis at ${REDIS_URL}: ${cause ?? (error instanceof Error ? error.message : String(error))}`;
  } finally {
    client.disconnect();
  }
}

/** undefined when both answer; else why not (one line per missing service) */
export async function servicesProblem() {
  const problems = (await Promise.all([probePostgres(), probeRedis()])).filter(Boolean);
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/**
 * One isolated installation on the shared services: schema `sw_bench_<random>`, key prefix
 * `swbench-<random>`. `env` is what every shopwire process (start, worker, CLI) of it needs.
 */
export function createIsolation({ lockMs } = {}) {
  const tag = randomBytes(5).toString('hex');
  const schema = `sw_bench_${tag}`;
  const prefix = `swbench-${tag}`;
  const env = {
    SHOPWIRE_QUEUE: 'redis',
    SHOPWIRE_DB_URL: PG_URL,
    SHOPWIRE_DB_SCHEMA: schema,
    SHOPWIRE_REDIS_URL: REDIS_URL,
    SHOPWIRE_REDIS_PREFIX: prefix,
    SHOPWIRE_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
    ...(lockMs ? { SHOPWIRE_QUEUE_LOCK_MS: String(lockMs) } : {}),
  };
  let pool;
  return {
    schema,
    prefix,
    env,
    /** SQL on the installation's schema */
    query(text, params) {
      pool ??= new pg.Pool({ connectionString: PG_URL, max: 2, options: `-c search_path=${schema}` });
      return pool.query(text, params).then((r) => r.rows);
    },
    /** drops the schema and deletes every key under the prefix; returns what was removed */
    async cleanup() {
      await pool?.end().catch(() => undefined);
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await admin.end();
      }
      return { schema, keysDeleted: await deleteKeys(prefix) };
    },
  };
}

/** SCAN + DEL of `${prefix}:*` (never KEYS: Redis is shared) */
async function deleteKeys(prefix) {
  const client = new Redis(REDIS_URL);
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

/** { total, byStatus } of the installation's executions */
export async function countQueueExecutions(isolation) {
  const rows = await isolation.query('SELECT status, COUNT(*)::int AS n FROM executions GROUP BY status');
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { total: rows.reduce((sum, r) => sum + r.n, 0), byStatus };
}
