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

export interface OpenStoreOptions {
  dialect: 'sqlite';
  /** database file; ':memory:' allowed */
  file: string;
  keyring: Keyring;
  logger?: Logger;
  /** clock for createdAt/updatedAt (tests); default: the system clock */
  now?: () => Date;
}

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
  const conn = createConnection({ dialect: options.dialect, file: options.file });
  try {
    await migrate(conn.db, options.logger);
  } catch (error) {
    await conn.close().catch(() => undefined);
    throw error;
  }
  const writer = new WriteQueue(conn);
  const clock = options.now ?? (() => new Date());
  const ctx: RepoContext = { db: conn.db, conn, writer, keyring: options.keyring, now: () => clock().toISOString() };
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

async function migrate(db: RepoContext['db'], logger: Logger | undefined): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === 'Success') logger?.info('database migration applied', { migration: r.migrationName });
    if (r.status === 'Error') logger?.error('database migration failed', { migration: r.migrationName });
  }
  if (error) {
    throw new ShopwireError('MIGRATION_FAILED', `database migration failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
