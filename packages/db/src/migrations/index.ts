import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.js';
import { startDocumentReference } from './0002-start-document-reference.js';
import { accountsAudit } from './0003-accounts-audit.js';

/** Ordered, in-code migrations (no file-system scanning, so bundling keeps working). */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-start-document-reference': startDocumentReference,
  '0003-accounts-audit': accountsAudit,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
