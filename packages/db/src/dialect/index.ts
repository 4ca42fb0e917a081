import type { ConnectionOptions, DbConnection } from './connection.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';

/** Builds the connection for the configured dialect; the schema of a PostgreSQL store is created if missing. */
export async function createConnection(options: ConnectionOptions): Promise<DbConnection> {
  switch (options.dialect) {
    case 'sqlite':
      return openSqlite({
        file: options.file,
        ...(options.backgroundCheckpoints !== undefined
          ? { backgroundCheckpoints: options.backgroundCheckpoints }
          : {}),
      });
    case 'postgres': {
      const conn = await openPostgres({
        connectionString: options.connectionString,
        ...(options.schema !== undefined ? { schema: options.schema } : {}),
        ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
      });
      try {
        await conn.ensureSchema();
      } catch (error) {
        await conn.close().catch(() => undefined);
        throw error;
      }
      return conn;
    }
    default:
      throw new Error(`unsupported database dialect: ${String((options as { dialect: unknown }).dialect)}`);
  }
}
