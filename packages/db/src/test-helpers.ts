import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { describe } from 'vitest';
import { parseWorkflow, type Workflow } from '@shopwire/sdk';
import { createKeyring, keyIdFor, type Keyring } from './crypto/keyring.js';
import { openStore, type OpenStoreOptions, type ShopwireStore } from './open-store.js';
import type { NewExecution } from './store-types.js';

export type TestDialect = 'sqlite' | 'postgres';

/** PostgreSQL for the tests: SHOPWIRE_TEST_PG_URL, default the local server (trust auth). */
export const TEST_PG_URL = process.env['SHOPWIRE_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** why PostgreSQL is unusable (undefined: reachable); probed once per test file */
const pgProblem = await probePostgres();

/**
 * Runs a suite once per dialect: on SQLite and on the real PostgreSQL. Without a reachable
 * PostgreSQL the PG suite is skipped locally (with a message), but FAILS when CI is set.
 */
export function forEachDialect(name: string, fn: (dialect: TestDialect) => void): void {
  describe(`${name} [sqlite]`, () => fn('sqlite'));
  describePostgres(name, () => fn('postgres'));
}

/** A PostgreSQL-only suite, with the same unreachable-server rule as forEachDialect. */
export function describePostgres(name: string, fn: () => void): void {
  if (pgProblem && !process.env['CI']) {
    console.warn(`PostgreSQL at ${TEST_PG_URL} unreachable (${pgProblem}): skipping "${name} [postgres]"`);
    describe.skipIf(true)(`${name} [postgres]`, fn);
    return;
  }
  describe(`${name} [postgres]`, () => {
    if (pgProblem) throw new Error(`CI is set but PostgreSQL at ${TEST_PG_URL} is unreachable: ${pgProblem}`);
    fn();
  });
}

/** Runs SQL on the test PostgreSQL server (outside any store), e.g. to drop a temp schema. */
export async function pgQuery<R = Record<string, unknown>>(
  sqlText: string,
  params: unknown[] = [],
  schema?: string,
): Promise<R[]> {
  const client = new pg.Client({
    connectionString: TEST_PG_URL,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  try {
    return (await client.query(sqlText, params)).rows as R[];
  } finally {
    await client.end();
  }
}

/** A store on a real database in a fresh temp dir (SQLite file) or temp schema (PostgreSQL). */
export interface TempStore {
  dialect: TestDialect;
  store: ShopwireStore;
  dir: string;
  /** the SQLite file (unused on PostgreSQL) */
  file: string;
  /** the PostgreSQL schema (unused on SQLite) */
  schema: string;
  keyring: Keyring;
  reopen(options?: { keyring?: Keyring; now?: () => Date }): Promise<ShopwireStore>;
  /** another store on the same database (a second process); the caller closes it */
  openOther(options?: { keyring?: Keyring }): Promise<ShopwireStore>;
  /** raw SQL on its own connection, `?` placeholders on both dialects */
  exec<R = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<R[]>;
  cleanup(): Promise<void>;
}

export function testKeyring(seed = 1): Keyring {
  const key = Buffer.alloc(32, seed);
  return createKeyring({ keys: [{ id: keyIdFor(key), key }] });
}

export function randomSchema(): string {
  return `sw_test_${Math.random().toString(36).slice(2, 12)}`;
}

/** `?` → `$1, $2, ...` (test SQL has no `?` inside string literals) */
function toPgPlaceholders(sqlText: string): string {
  let n = 0;
  return sqlText.replace(/\?/g, () => `$${(n += 1)}`);
}

export async function tempStore(
  options: { now?: () => Date; dialect?: TestDialect } = {},
): Promise<TempStore> {
  const dialect = options.dialect ?? 'sqlite';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  const file = path.join(dir, 'shopwire.db');
  const schema = randomSchema();
  const keyring = testKeyring();
  const target = (): OpenStoreOptions =>
    dialect === 'sqlite'
      ? { dialect, file, keyring }
      : { dialect, connectionString: TEST_PG_URL, schema, keyring, maxConnections: 4 };
  const open = (o: { keyring?: Keyring; now?: () => Date } = {}) =>
    openStore({
      ...target(),
      keyring: o.keyring ?? keyring,
      ...((o.now ?? options.now) ? { now: o.now ?? options.now } : {}),
    });
  let pool: pg.Pool | undefined;
  const pgPool = () =>
    (pool ??= new pg.Pool({ connectionString: TEST_PG_URL, max: 2, options: `-c search_path=${schema}` }));
  const temp: TempStore = {
    dialect,
    store: await open(),
    dir,
    file,
    schema,
    keyring,
    async reopen(o) {
      await temp.store.close();
      temp.store = await open(o);
      return temp.store;
    },
    openOther: (o) => openStore({ ...target(), keyring: o?.keyring ?? keyring }),
    async exec<R>(sqlText: string, params: unknown[] = []): Promise<R[]> {
      if (dialect === 'postgres')
        return (await pgPool().query(toPgPlaceholders(sqlText), params)).rows as R[];
      const raw = new BetterSqlite3(file);
      try {
        const stmt = raw.prepare(sqlText);
        if (stmt.reader) return stmt.all(params) as R[];
        stmt.run(params);
        return [];
      } finally {
        raw.close();
      }
    },
    async cleanup() {
      await temp.store.close();
      if (dialect === 'postgres') {
        await pgPool().query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await pool?.end();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}

export function sampleWorkflow(name = 'Orders'): Workflow {
  return parseWorkflow({
    name,
    nodes: [
      { id: 'hook', name: 'Webhook', type: 'core.webhook', params: { path: 'orders' } },
      { id: 'set', name: 'Set', type: 'core.set' },
    ],
    connections: [{ from: { node: 'hook' }, to: { node: 'set' } }],
  });
}

export function newExecution(overrides: Partial<NewExecution> = {}): NewExecution {
  return {
    workflowId: 'wf_test',
    workflowVersion: 1,
    projectId: 'default',
    mode: 'webhook',
    startNodeId: 'hook',
    startItems: [{ json: { order: 1 } }],
    document: sampleWorkflow(),
    ...overrides,
  };
}
