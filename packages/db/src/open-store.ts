import { Migrator } from 'kysely';
import { ShopwireError, type Logger } from '@shopwire/sdk';
import type { Keyring } from './crypto/keyring.js';
import { createConnection } from './dialect/index.js';
import { migrationProvider } from './migrations/index.js';
import type { RepoContext } from './repos/context.js';
import { createAccountsRepo } from './repos/accounts.js';
import { createAuditRepo } from './repos/audit.js';
import { createCredentialsRepo } from './repos/credentials.js';
import { createExecutionsRepo } from './repos/executions.js';
import { createJournal, createNodeStateStore } from './repos/journal.js';
import { createSchedulesRepo, createWebhooksRepo } from './repos/triggers.js';
import { createApiKeysRepo, createSessionsRepo, createUsersRepo } from './repos/users.js';
import { createProjectsRepo } from './repos/projects.js';
import { createVariablesRepo } from './repos/variables.js';
import { createVaultRepo } from './repos/vault.js';
import { createWorkflowsRepo } from './repos/workflows.js';
import type { Store } from './store-types.js';
import { WriteQueue } from './write-queue.js';

interface CommonStoreOptions {
  keyring: Keyring;
  logger?: Logger;
  /** clock for createdAt/updatedAt (tests); default: the system clock */
  now?: () => Date;
}

export interface SqliteStoreOptions extends CommonStoreOptions {
  dialect: 'sqlite';
  /** database file; ':memory:' allowed */
  file: string;
  /**
   * checkpoint the WAL on a worker thread instead of inside commits (long-running servers; a CLI
   * command or a test store does not need the thread)
   */
  backgroundCheckpoints?: boolean;
}

export interface PostgresStoreOptions extends CommonStoreOptions {
  dialect: 'postgres';
  /** postgres://user:pass@host:port/db */
  connectionString: string;
  /** schema for every table (search_path; created if missing); default 'public' */
  schema?: string;
  /** pool size; default 10 */
  maxConnections?: number;
}

export type OpenStoreOptions = SqliteStoreOptions | PostgresStoreOptions;

export interface StoreStats {
  /** write transactions committed by the group-commit writer */
  transactions: number;
  /** writes committed through it (one per caller) */
  writes: number;
}

/** The Store plus write statistics (group commit is observable in tests and benchmarks). */
export interface ShopwireStore extends Store {
  stats(): StoreStats;
}

/** Opens the database, runs pending migrations and returns the Store. */
export async function openStore(options: OpenStoreOptions): Promise<ShopwireStore> {
  const conn = await createConnection(
    options.dialect === 'sqlite'
      ? {
          dialect: 'sqlite',
          file: options.file,
          ...(options.backgroundCheckpoints ? { backgroundCheckpoints: true } : {}),
        }
      : {
          dialect: 'postgres',
          connectionString: options.connectionString,
          schema: options.schema ?? 'public',
          ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
        },
  );
  try {
    await runMigrations(conn.db, {
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.dialect === 'postgres' ? { schema: options.schema ?? 'public' } : {}),
    });
  } catch (error) {
    await conn.close().catch(() => undefined);
    throw error;
  }
  const writer = new WriteQueue(conn);
  const clock = options.now ?? (() => new Date());
  const ctx: RepoContext = {
    db: conn.db,
    conn,
    writer,
    keyring: options.keyring,
    now: () => clock().toISOString(),
  };
  if (options.logger) ctx.logger = options.logger;

  let closed: Promise<void> | undefined;
  return {
    dialect: conn.dialect,
    journal: createJournal(ctx),
    nodeState: createNodeStateStore(ctx),
    users: createUsersRepo(ctx),
    sessions: createSessionsRepo(ctx),
    apiKeys: createApiKeysRepo(ctx),
    workflows: createWorkflowsRepo(ctx),
    executions: createExecutionsRepo(ctx),
    webhooks: createWebhooksRepo(ctx),
    schedules: createSchedulesRepo(ctx),
    credentials: createCredentialsRepo(ctx),
    variables: createVariablesRepo(ctx),
    accounts: createAccountsRepo(ctx),
    projects: createProjectsRepo(ctx),
    audit: createAuditRepo(ctx),
    vault: createVaultRepo(ctx),
    stats: () => ({ transactions: conn.batchCount, writes: writer.opCount }),
    close() {
      closed ??= writer.flush().then(() => conn.close());
      return closed;
    },
  };
}

/** Runs pending migrations (same ones on every dialect). `schema`: PostgreSQL schema of the store. */
export async function runMigrations(
  db: RepoContext['db'],
  options: { logger?: Logger; schema?: string } = {},
): Promise<void> {
  const { logger, schema } = options;
  // PostgreSQL: the migration table lives in the store's schema (Kysely would otherwise find one in
  // any schema and skip creating its own)
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely's PostgreSQL introspection (does the migration table exist?) reads every schema's
  // tables; one dropped meanwhile (another store's schema) makes it fail with "does not exist"
  // (seen: 3F000 in ~10% of introspections while schemas are dropped in a tight loop).
  // Migrations run in a transaction there, so retrying is safe.
  for (let attempt = 1; schema && error && attempt <= 5 && isConcurrentDrop(error); attempt++) {
    ({ error, results } = await migrator.migrateToLatest());
  }
  for (const r of results ?? []) {
    if (r.status === 'Success') logger?.info('database migration applied', { migration: r.migrationName });
    if (r.status === 'Error') logger?.error('database migration failed', { migration: r.migrationName });
  }
  if (error) {
    throw new ShopwireError(
      'MIGRATION_FAILED',
      `database migration failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
}

/** invalid_schema_name / undefined_table / "could not open relation": a concurrently dropped object */
function isConcurrentDrop(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '3F000' ||
    code === '42P01' ||
    (code === 'XX000' && /relation/.test(String((error as Error).message)))
  );
}
