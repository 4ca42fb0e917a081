import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import { ShopwireError, ValidationError, type Logger } from '@shopwire/sdk';
import { createConnection } from './dialect/index.js';
import { openSqlite } from './dialect/sqlite.js';
import { runMigrations } from './open-store.js';

export interface CopyToPostgresOptions {
  /** the SQLite database file (brought up to the current schema first) */
  from: string;
  /** postgres://... of the target database */
  to: string;
  /** target schema; default 'public' */
  schema?: string;
  /** wipe a target that already holds data (otherwise refused) */
  force?: boolean;
  /** rows per INSERT; default 500 */
  batchSize?: number;
  logger?: Logger;
  onProgress?(table: string, copied: number, total: number): void;
}

export interface CopyReport {
  /** tables in copy order (parents before children) with their verified row counts */
  tables: { table: string; rows: number }[];
  /** true when the target already held exactly the source's rows: nothing was written */
  alreadyCopied: boolean;
}

/**
 * Copies a SQLite store into PostgreSQL: runs the migrations on the target, then copies every
 * table (parents first, from the foreign keys) in batches inside ONE PostgreSQL transaction, and
 * verifies each row count before committing. A failure leaves the target as it was, so a re-run
 * is safe. A target that already holds the same row counts is reported as copied; any other data
 * in the target is refused unless `force` (which replaces it). Ciphertexts are copied as they are:
 * the PostgreSQL server needs the same key file / SHOPWIRE_ENCRYPTION_KEY.
 */
export async function copySqliteToPostgres(options: CopyToPostgresOptions): Promise<CopyReport> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000)
    throw new ValidationError('batchSize', 'must be 1..5000');
  if (!fs.existsSync(options.from))
    throw new ValidationError('from', `SQLite file ${options.from} does not exist`);
  if (!/^postgres(ql)?:\/\//.test(options.to)) throw new ValidationError('to', 'must be a postgres:// URL');

  // bring the source to the current schema, so both sides have the same tables and columns
  const migrated = openSqlite({ file: options.from });
  try {
    await runMigrations(migrated.db, options.logger ? { logger: options.logger } : {});
  } finally {
    await migrated.close();
  }

  const source = new BetterSqlite3(options.from, { readonly: true, fileMustExist: true });
  const schema = options.schema ?? 'public';
  const target = await createConnection({
    dialect: 'postgres',
    connectionString: options.to,
    schema,
    maxConnections: 2,
  });
  try {
    await runMigrations(target.db, { ...(options.logger ? { logger: options.logger } : {}), schema });
    source.exec('BEGIN'); // one read snapshot: counts and rows agree even if something writes meanwhile
    const tables = tablesInDependencyOrder(source);
    const counts = new Map(tables.map((t) => [t, countSqlite(source, t)]));
    const existing = await countTarget(target.db, tables);
    if (tables.every((t) => existing.get(t) === counts.get(t)) && (counts.get('projects') ?? 0) > 0) {
      return { tables: tables.map((t) => ({ table: t, rows: counts.get(t) ?? 0 })), alreadyCopied: true };
    }
    const populated = tables.filter((t) =>
      t === 'projects' ? (existing.get(t) ?? 0) > 1 : (existing.get(t) ?? 0) > 0,
    );
    if (populated.length > 0 && !options.force) {
      throw new ShopwireError(
        'TARGET_NOT_EMPTY',
        `the PostgreSQL target already holds data (${populated.join(', ')}); use --force to replace it`,
      );
    }
    await target.db.transaction().execute(async (trx) => {
      // children first; the migration's default project goes too (the source has its own)
      for (const table of [...tables].reverse()) await trx.deleteFrom(table as never).execute();
      for (const table of tables)
        await copyTable(source, trx, table, batchSize, counts.get(table) ?? 0, options.onProgress);
      const copied = await countTarget(trx, tables);
      const wrong = tables.filter((t) => copied.get(t) !== counts.get(t));
      if (wrong.length > 0) {
        const detail = wrong.map((t) => `${t}: ${counts.get(t)} → ${copied.get(t)}`).join(', ');
        throw new ShopwireError(
          'COPY_MISMATCH',
          `row counts differ after the copy (${detail}); nothing was committed`,
        );
      }
    });
    return { tables: tables.map((t) => ({ table: t, rows: counts.get(t) ?? 0 })), alreadyCopied: false };
  } finally {
    if (source.inTransaction) source.exec('COMMIT');
    source.close();
    await target.close();
  }
}

/** Store tables (not Kysely's or SQLite's own), each after the tables its foreign keys point to. */
export function tablesInDependencyOrder(db: BetterSqlite3.Database): string[] {
  const names = (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name`,
      )
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const parents = new Map(
    names.map((n) => [
      n,
      (
        db.prepare(`SELECT "table" AS parent FROM pragma_foreign_key_list(?)`).all(n) as { parent: string }[]
      ).map((r) => r.parent),
    ]),
  );
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`foreign-key cycle: ${[...path, name].join(' → ')}`);
    for (const parent of parents.get(name) ?? [])
      if (parent !== name && names.includes(parent)) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered;
}

function countSqlite(db: BetterSqlite3.Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

async function countTarget(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- counts rows of every table, typed or not
  db: Kysely<any> | Transaction<any>,
  tables: string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
    counts.set(table, row.rows[0]?.n ?? 0);
  }
  return counts;
}

async function copyTable(
  source: BetterSqlite3.Database,
  // rows of any table are copied as they are: untyped on purpose
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  trx: Transaction<any>,
  table: string,
  batchSize: number,
  total: number,
  onProgress: CopyToPostgresOptions['onProgress'],
): Promise<void> {
  // keyset pagination on rowid: every store table is a rowid table
  const page = source.prepare(
    `SELECT rowid AS sw_rowid, * FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ?`,
  );
  let last = -Infinity;
  let copied = 0;
  for (;;) {
    const rows = page.all(last, batchSize) as Record<string, unknown>[];
    if (rows.length === 0) break;
    last = Number(rows[rows.length - 1]?.['sw_rowid']);
    const values = rows.map(({ sw_rowid: _rowid, ...row }) => row);
    await trx.insertInto(table).values(values).execute();
    copied += rows.length;
    onProgress?.(table, copied, total);
    if (rows.length < batchSize) break;
  }
}
