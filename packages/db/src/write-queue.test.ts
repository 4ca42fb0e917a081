import { describe, expect, it } from 'vitest';
import type { DbConnection } from './dialect/connection.js';
import { WriteQueue } from './write-queue.js';

/** A connection that only records when each batch ran and how many ops it held. */
function recordingConnection() {
  const batches: { at: number; ops: number }[] = [];
  const conn = {
    runBatch: async (ops: readonly unknown[]) => {
      batches.push({ at: performance.now(), ops: ops.length });
      return ops.map(() => ({ ok: true as const, results: [] }));
    },
  } as unknown as DbConnection;
  return { conn, batches };
}

const op = [{ sql: 'insert', parameters: [] }];

/** Keeps the event loop busy (utilization near 1) for `ms`. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('WriteQueue', () => {
  it('commits a lone write at once on a quiet process, then one right after another', async () => {
    const { conn, batches } = recordingConnection();
    const queue = new WriteQueue(conn);
    await new Promise((resolve) => setTimeout(resolve, 120));
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) await queue.submit(op);
    expect(batches).toHaveLength(10);
    // no batching delay while the event loop has time to spare (with one: at least 9 × 4 ms)
    expect(performance.now() - t0).toBeLessThan(30);
  });

  it('spaces tiny batches out while the process is busy, so later writes share a commit', async () => {
    const { conn, batches } = recordingConnection();
    const queue = new WriteQueue(conn);
    spin(120); // the last window was busy
    const writes: Promise<unknown>[] = [queue.submit(op)];
    await writes[0];
    // more tiny writes arrive one by one while the loop stays busy
    for (let i = 0; i < 6; i++) {
      spin(1);
      writes.push(queue.submit(op));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(writes);
    expect(batches.length).toBeLessThan(7);
    expect(batches[1]!.at - batches[0]!.at).toBeGreaterThanOrEqual(3);
    expect(batches.slice(1).some((b) => b.ops > 1)).toBe(true);
  });

  it('coalesces a keyed write that is replaced before its commit', async () => {
    const { conn, batches } = recordingConnection();
    const queue = new WriteQueue(conn);
    const first = queue.submit([{ sql: 'a', parameters: [] }], { key: 'k' });
    const second = queue.submit([{ sql: 'b', parameters: [] }], { key: 'k' });
    await Promise.all([first, second]);
    expect(batches).toEqual([expect.objectContaining({ ops: 1 })]);
  });
});
