import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { THREAD_AFTER_COMMITS } from './sqlite-checkpointer.js';
import { openSqlite } from './sqlite.js';

// The checkpoint thread runs from the built worker (dist/dialect/checkpoint-worker.js): `npm test`
// builds first. Without it this suite fails rather than pass on the fallback.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-ckpt-'));
  dirs.push(dir);
  return path.join(dir, 'test.db');
}

/** one commit creating the table (unless `create` is false), then one commit per 50 rows of ~1 KB */
async function fill(conn: ReturnType<typeof openSqlite>, rows: number, create = true): Promise<void> {
  if (create) {
    await conn.runBatch([
      [{ sql: 'create table t (id integer primary key, body text not null)', parameters: [] }],
    ]);
  }
  const payload = 'x'.repeat(1000);
  for (let i = 0; i < rows; i += 50) {
    const op = Array.from({ length: 50 }, () => ({
      sql: 'insert into t (body) values (?)',
      parameters: [payload],
    }));
    const [result] = await conn.runBatch([op]);
    expect(result?.ok).toBe(true);
  }
}

const walPages = (file: string): number => fs.statSync(`${file}-wal`).size / 4096;
const dbBytes = (file: string): number => fs.statSync(file).size;

describe('SQLite checkpoints on a worker thread', () => {
  it('copies committed pages into the database file without the writer doing it', async () => {
    const file = tempFile();
    const conn = openSqlite({ file, backgroundCheckpoints: true });
    try {
      // a busy spell (~620 pages, under SQLite's own 1,000) starts the thread; from then on the
      // writer waits for 4,000 pages, so only the thread can move these ~1,100 into the file
      await fill(conn, 50 * THREAD_AFTER_COMMITS);
      expect(conn.checkpointer, 'started by the busy spell (and the worker is built)').toBeDefined();
      await fill(conn, 2000, false);
      const rows = 50 * THREAD_AFTER_COMMITS + 2000;
      const deadline = Date.now() + 5000;
      while (dbBytes(file) < rows * 1000 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(dbBytes(file)).toBeGreaterThan(rows * 1000);
      expect(walPages(file)).toBeGreaterThan(1000); // the writer did not restart the WAL itself
      const stats = await conn.checkpointer!.stats();
      expect(stats.checkpoints).toBeGreaterThan(0);
      // the data reads back whole through the other connection
      const [row] = await conn.read<{ n: number }>({ sql: 'select count(*) as n from t', parameters: [] });
      expect(row?.n).toBe(rows);
    } finally {
      await conn.close();
    }
  });

  it('starts no thread while writes are few', async () => {
    const file = tempFile();
    const conn = openSqlite({ file, backgroundCheckpoints: true });
    try {
      await fill(conn, 50 * (THREAD_AFTER_COMMITS - 2)); // with the create: one commit short
      expect(conn.checkpointer).toBeUndefined();
      await fill(conn, 50, false);
      expect(conn.checkpointer).toBeDefined();
    } finally {
      await conn.close();
    }
  });

  it('without the option the writer keeps SQLite’s own checkpoints (nothing moves before 1,000 pages)', async () => {
    const file = tempFile();
    const conn = openSqlite({ file });
    try {
      await fill(conn, 50 * THREAD_AFTER_COMMITS); // a busy spell's commits, ~600 pages
      expect(conn.checkpointer).toBeUndefined();
      await new Promise((r) => setTimeout(r, 300));
      expect(dbBytes(file)).toBeLessThan(100_000);
    } finally {
      await conn.close();
    }
  });

  it('stops the thread on close, and the file opens again with every row', async () => {
    const file = tempFile();
    const conn = openSqlite({ file, backgroundCheckpoints: true });
    await fill(conn, 50 * THREAD_AFTER_COMMITS);
    const checkpointer = conn.checkpointer;
    expect(checkpointer).toBeDefined();
    await conn.close();
    await expect(checkpointer!.stats()).rejects.toThrow(/stopped/);
    const again = openSqlite({ file });
    try {
      const [row] = await again.read<{ n: number }>({ sql: 'select count(*) as n from t', parameters: [] });
      expect(row?.n).toBe(50 * THREAD_AFTER_COMMITS);
    } finally {
      await again.close();
    }
  });
});
