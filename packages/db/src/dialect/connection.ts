import type { Kysely, QueryResult } from 'kysely';
import type { Logger } from '@shopwire/sdk';
import type { Database } from '../schema.js';

/**
 * The dialect seam: everything dialect-specific (driver, pragmas, how a batch of compiled queries
 * is committed) lives behind this interface. The repositories only build Kysely queries.
 */
export interface DbConnection {
  readonly dialect: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  /**
   * Runs every op's queries in order inside ONE transaction. An op is all-or-nothing: if one of its
   * queries fails, only that op is rolled back and reported as failed; the others still commit.
   */
  runBatch(ops: readonly (readonly BoundQuery[])[]): Promise<BatchOpResult[]>;
  /**
   * Runs a read of committed data for the hot paths. May use a separate connection, so it neither
   * waits for nor sees an open transaction; it sees every committed write.
   */
  read<R>(query: BoundQuery): Promise<R[]>;
  /** transactions committed by runBatch (group-commit statistics) */
  readonly batchCount: number;
  close(): Promise<void>;
}

/** A compiled query: SQL text in the connection's dialect plus its parameters. */
export interface BoundQuery {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

export type BatchOpResult = { ok: true; results: QueryResult<unknown>[] } | { ok: false; error: unknown };

export type ConnectionOptions =
  | { dialect: 'sqlite'; file: string; logger?: Logger; backgroundCheckpoints?: boolean }
  | {
      dialect: 'postgres';
      connectionString: string;
      schema?: string;
      maxConnections?: number;
      logger?: Logger;
    };
