import type { Kysely } from 'kysely';
import type { Logger } from '@shopwire/sdk';
import type { Keyring } from '../crypto/keyring.js';
import type { DbConnection } from '../dialect/connection.js';
import type { Database } from '../schema.js';
import type { WriteQueue } from '../write-queue.js';

/** What every repository gets: the query builder, the group-commit writer and a clock. */
export interface RepoContext {
  db: Kysely<Database>;
  conn: DbConnection;
  writer: WriteQueue;
  keyring: Keyring;
  /** current time as ISO-8601 */
  now(): string;
  logger?: Logger;
}

export function affected(
  result: { numAffectedRows?: bigint; numUpdatedRows?: bigint; numDeletedRows?: bigint } | undefined,
): number {
  if (!result) return 0;
  return Number(result.numAffectedRows ?? result.numUpdatedRows ?? result.numDeletedRows ?? 0n);
}
