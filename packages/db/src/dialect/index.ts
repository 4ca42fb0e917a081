import type { ConnectionOptions, DbConnection } from './connection.js';
import { openSqlite } from './sqlite.js';

/** Builds the connection for the configured dialect ('postgres' will be added here). */
export function createConnection(options: ConnectionOptions): DbConnection {
  switch (options.dialect) {
    case 'sqlite':
      return openSqlite({ file: options.file });
    default:
      throw new Error(`unsupported database dialect: ${String((options as { dialect: unknown }).dialect)}`);
  }
}
