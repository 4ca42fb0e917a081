import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `execution_start.document` becomes nullable: NULL means "the saved workflow version the
 * execution row names" (no per-execution copy of the document on the hot path). Rebuilt rather
 * than altered because SQLite cannot drop NOT NULL; the statements are portable.
 */
export const startDocumentReference: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE execution_start_new (
      execution_id TEXT PRIMARY KEY REFERENCES executions (id) ON DELETE CASCADE,
      document TEXT,
      start_items TEXT NOT NULL
    )`.execute(db);
    await sql`INSERT INTO execution_start_new (execution_id, document, start_items)
      SELECT execution_id, document, start_items FROM execution_start`.execute(db);
    await sql`DROP TABLE execution_start`.execute(db);
    await sql`ALTER TABLE execution_start_new RENAME TO execution_start`.execute(db);
  },
};
