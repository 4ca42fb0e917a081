import { CompiledQuery, Kysely, PostgresDialect, type QueryResult } from 'kysely';
import type pg from 'pg';
import type { Database } from '../schema.js';
import type { BatchOpResult, BoundQuery, DbConnection } from './connection.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const PREPARED_STATEMENTS = 200;
const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

export interface PostgresOptions {
  connectionString: string;
  /** schema used as search_path (created if missing); default 'public' */
  schema?: string;
  /** pool size; default 10 */
  maxConnections?: number;
}

/** Checks a schema name before it is put into search_path / CREATE SCHEMA (identifiers can't be bound). */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema))
    throw new Error(`invalid PostgreSQL schema name "${schema}": use [a-z_][a-z0-9_]*`);
  return schema;
}

/** pg is loaded on first use: a SQLite server never pays for it at start. */
async function loadPg(): Promise<typeof pg> {
  return (await import('pg')).default;
}

/**
 * PostgreSQL through a `pg.Pool`. The schema is put in every connection's search_path, so the
 * repositories' unqualified table names resolve to it. int8 (bigint, count(*)) is parsed to a JS
 * number, matching SQLite. A write batch takes ONE pooled client and commits in ONE transaction;
 * reads go to the pool (no separate read connection is needed: MVCC readers never block).
 */
export async function openPostgres(
  options: PostgresOptions,
): Promise<DbConnection & { readonly schema: string; ensureSchema(): Promise<void> }> {
  const schema = checkSchemaName(options.schema ?? 'public');
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    options: `-c search_path=${schema}`,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // an idle client losing its server must not crash the process; the next query reports it
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  const exec = async (client: pg.PoolClient, query: BoundQuery): Promise<QueryResult<unknown>> => {
    const res = await client.query({
      ...statementName(query.sql),
      text: query.sql,
      values: query.parameters as unknown[],
    });
    const result: { rows: unknown[]; numAffectedRows?: bigint } = { rows: res.rows ?? [] };
    if (WRITE_COMMANDS.has(res.command)) result.numAffectedRows = BigInt(res.rowCount ?? 0);
    return result;
  };
  const runOp = async (client: pg.PoolClient, op: readonly BoundQuery[]) => {
    const results: QueryResult<unknown>[] = [];
    for (const q of op) results.push(await exec(client, q));
    return results;
  };

  // Write statements are prepared once per pooled client (named by their SQL): the hot path's
  // statements repeat, and PostgreSQL then skips parsing and planning. Capped, so ad-hoc SQL
  // cannot grow every client's statement cache without bound.
  const names = new Map<string, string>();
  const statementName = (sqlText: string): { name?: string } => {
    let name = names.get(sqlText);
    if (name === undefined && names.size < PREPARED_STATEMENTS)
      names.set(sqlText, (name = `sw_${names.size}`));
    return name === undefined ? {} : { name };
  };

  let batchCount = 0;
  const runBatch = async (ops: readonly (readonly BoundQuery[])[]): Promise<BatchOpResult[]> => {
    const client = await pool.connect();
    let broken: unknown;
    try {
      batchCount += 1;
      // Fast path: everything in one transaction. On any failure roll back and redo the batch with
      // a savepoint per op, so one bad op cannot fail its neighbours (same contract as SQLite).
      try {
        await client.query('BEGIN');
        const all: BatchOpResult[] = [];
        for (const op of ops) all.push({ ok: true, results: await runOp(client, op) });
        await client.query('COMMIT');
        return all;
      } catch {
        await client.query('ROLLBACK');
      }
      batchCount += 1;
      await client.query('BEGIN');
      const out: BatchOpResult[] = [];
      for (const op of ops) {
        await client.query('SAVEPOINT sw_op');
        try {
          out.push({ ok: true, results: await runOp(client, op) });
          await client.query('RELEASE SAVEPOINT sw_op');
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT sw_op');
          out.push({ ok: false, error });
        }
      }
      await client.query('COMMIT');
      return out;
    } catch (error) {
      broken = error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // a client whose transaction control failed is discarded instead of going back to the pool
      client.release(broken === undefined ? undefined : true);
    }
  };

  return {
    dialect: 'postgres',
    db,
    schema,
    get batchCount() {
      return batchCount;
    },
    runBatch,
    read: async <R>(query: BoundQuery): Promise<R[]> =>
      (await db.executeQuery<R>(CompiledQuery.raw(query.sql, [...query.parameters]))).rows as R[],
    async ensureSchema() {
      // search_path names a schema that may not exist yet. Look first: CREATE SCHEMA needs the
      // CREATE privilege even with IF NOT EXISTS; and IF NOT EXISTS can still race, so retry once
      const exists = async () =>
        (await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount;
      if (await exists()) return;
      const create = `CREATE SCHEMA IF NOT EXISTS "${schema}"`;
      await pool.query(create).catch(async (error: unknown) => {
        if (!(await exists())) throw error;
      });
    },
    close: () => db.destroy(),
  };
}

/** Drops a schema and everything in it (test and tooling teardown); the name is checked first. */
export async function dropPostgresSchema(options: {
  connectionString: string;
  schema: string;
}): Promise<void> {
  const schema = checkSchemaName(options.schema);
  if (schema === 'public') throw new Error('refusing to drop the public schema');
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: options.connectionString });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
