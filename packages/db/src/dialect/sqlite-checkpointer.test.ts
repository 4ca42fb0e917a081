import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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

async function fill(conn: ReturnType<typeof openSqlite>, rows: number): Promise<void> {
  await conn.runBatch([
    [{ sql: 'create table t (id integer primary key, body text not null)', parameters: [] }],
  ]);
  const payload = 'x'.repeat(2000);
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
    expect(conn.checkpointer, 'the worker is built').toBeDefined();
    try {
      // ~1,000 pages: under the writer's own threshold (WRITER_CHECKPOINT_PAGES), so only the
      // thread can have moved them into the database file
      await fill(conn, 2000);
      expect(walPages(file)).toBeGreaterThan(900);
      const deadline = Date.now() + 5000;
      while (dbBytes(file) < 3_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(dbBytes(file)).toBeGreaterThan(3_000_000);
      const stats = await conn.checkpointer!.stats();
      expect(stats.checkpoints).toBeGreaterThan(0);
      // the data reads back whole through the other connection
      const [row] = await conn.read<{ n: number }>({ sql: 'select count(*) as n from t', parameters: [] });
      expect(row?.n).toBe(2000);
    } finally {
      await conn.close();
    }
  });

  it('without the thread the writer keeps SQLite’s own checkpoints (nothing moves before 1,000 pages)', async () => {
    const file = tempFile();
    const conn = openSqlite({ file });
    expect(conn.checkpointer).toBeUndefined();
    try {
      await fill(conn, 400); // ~200 pages
      await new Promise((r) => setTimeout(r, 300));
      expect(dbBytes(file)).toBeLessThan(100_000);
    } finally {
      await conn.close();
    }
  });

  it('stops the thread on close, and the file opens again with every row', async () => {
    const file = tempFile();
    const conn = openSqlite({ file, backgroundCheckpoints: true });
    await fill(conn, 200);
    await conn.close();
    await expect(conn.checkpointer!.stats()).rejects.toThrow(/stopped/);
    const again = openSqlite({ file });
    try {
      const [row] = await again.read<{ n: number }>({ sql: 'select count(*) as n from t', parameters: [] });
      expect(row?.n).toBe(200);
    } finally {
      await again.close();
    }
  });
});
