import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  type QueryResult,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import type { Database } from '../schema.js';
import type { BatchOpResult, BoundQuery, DbConnection } from './connection.js';
import {
  BusyWrites,
  startCheckpointer,
  THREAD_AFTER_COMMITS,
  WRITER_CHECKPOINT_PAGES,
  type Checkpointer,
} from './sqlite-checkpointer.js';

const STATEMENT_CACHE_SIZE = 500;

/**
 * SQLite through better-sqlite3 (WAL, synchronous=NORMAL, foreign keys on). Prepared statements
 * are cached by SQL text (Kysely re-prepares on every query otherwise), and batches run
 * synchronously inside one transaction while holding Kysely's connection lock, so they never
 * interleave with a Kysely transaction.
 */
export function openSqlite(options: {
  file: string;
  busyTimeoutMs?: number;
  /**
   * copy the WAL into the database file on a worker thread (sqlite-checkpointer.ts), started with
   * the first busy spell of writes; servers set it
   */
  backgroundCheckpoints?: boolean;
}): DbConnection & { readonly checkpointer: Checkpointer | undefined } {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const memory = options.file === ':memory:' || options.file === '';
  if (!memory) fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  const raw = new BetterSqlite3(options.file, { timeout: busyTimeoutMs });
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('cache_size = -65536'); // 64 MiB page cache
  raw.pragma('temp_store = MEMORY');
  raw.pragma(`busy_timeout = ${Math.floor(busyTimeoutMs)}`);
  // the thread starts with the first busy spell of writes: an idle server does not pay its memory
  let checkpointer: Checkpointer | undefined;
  const busyWrites =
    options.backgroundCheckpoints === true && !memory ? new BusyWrites(THREAD_AFTER_COMMITS) : undefined;
  const afterCommit = (): void => {
    if (checkpointer || !busyWrites?.commit()) return;
    checkpointer = startCheckpointer(options.file);
    if (checkpointer) raw.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  };
  const prepare = statementCache(raw);
  const database: SqliteDatabase = {
    close: () => raw.close(),
    prepare: (sqlText) => prepare(sqlText) as unknown as SqliteStatement,
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });

  const exec = (query: BoundQuery): QueryResult<unknown> => {
    const stmt = prepare(query.sql);
    const params = query.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(params) };
    const { changes } = stmt.run(params);
    return { rows: [], numAffectedRows: BigInt(changes) };
  };
  const runOp = (op: readonly BoundQuery[]) => op.map(exec);
  // Fast path: the whole batch in one transaction. If anything throws, it is rolled back and
  // the batch is retried with a savepoint per op, so one bad op cannot fail its neighbours.
  const allTogether = raw.transaction((ops: readonly (readonly BoundQuery[])[]) => ops.map(runOp));
  const oneOp = raw.transaction(runOp);
  const isolated = raw.transaction((ops: readonly (readonly BoundQuery[])[]) =>
    ops.map((op): BatchOpResult => {
      try {
        return { ok: true, results: oneOp(op) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  // Hot reads use a second connection: WAL lets it read committed data while the writer works,
  // without queueing behind Kysely's single-connection lock. (':memory:' has no second connection.)
  const reader = memory
    ? undefined
    : new BetterSqlite3(options.file, { readonly: true, timeout: busyTimeoutMs });
  const prepareRead = reader ? statementCache(reader) : undefined;

  let batchCount = 0;
  const connection: DbConnection & { readonly checkpointer: Checkpointer | undefined } = {
    dialect: 'sqlite',
    db,
    get batchCount() {
      return batchCount;
    },
    runBatch: async (ops) =>
      db.connection().execute(async () => {
        batchCount += 1;
        let results: BatchOpResult[];
        try {
          results = allTogether(ops).map((result): BatchOpResult => ({ ok: true, results: result }));
        } catch {
          batchCount += 1;
          results = isolated(ops);
        }
        afterCommit();
        return results;
      }),
    read: async <R>(query: BoundQuery): Promise<R[]> => {
      if (!prepareRead)
        return (await db.executeQuery<R>(CompiledQuery.raw(query.sql, [...query.parameters]))).rows as R[];
      return prepareRead(query.sql).all(query.parameters as unknown[]) as R[];
    },
    close: async () => {
      await checkpointer?.stop();
      reader?.close();
      await db.destroy();
    },
    get checkpointer() {
      return checkpointer;
    },
  };
  return connection;
}

/** Prepared statements cached by SQL text (oldest evicted first); Kysely would otherwise re-prepare every query. */
function statementCache(raw: BetterSqlite3.Database): (sqlText: string) => BetterSqlite3.Statement {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return (sqlText) => {
    let stmt = cache.get(sqlText);
    if (stmt) return stmt;
    stmt = raw.prepare(sqlText);
    cache.set(sqlText, stmt);
    if (cache.size > STATEMENT_CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return stmt;
  };
}
