import { describe, expect, it } from 'vitest';
import { emptyLowStockState, processPoll, queryFrom } from './low-stock-cursor.js';
import type { StockRecord } from './low-stock-cursor.js';

const rec = (id: number, modified: string, qty: number | null, manage = true): StockRecord => ({
  id,
  date_modified_gmt: modified,
  manage_stock: manage,
  stock_quantity: qty,
});
const opts = { threshold: 5, overlapMs: 60_000 };

describe('low-stock poll dedupe', () => {
  it('emits low products once, keeps the cursor at the max timestamp', () => {
    const first = processPoll(
      emptyLowStockState(),
      [rec(1, '2026-01-01T10:00:00', 3), rec(2, '2026-01-01T10:00:05', 40)],
      opts,
    );
    expect(first.emit.map((r) => r.id)).toEqual([1]);
    expect(first.state.cursor).toBe(Date.parse('2026-01-01T10:00:05Z'));
    expect(queryFrom(first.state, 60_000)).toBe(Date.parse('2026-01-01T09:59:05Z'));
    // the overlap query returns the same versions again: nothing new
    const again = processPoll(
      first.state,
      [rec(1, '2026-01-01T10:00:00', 3), rec(2, '2026-01-01T10:00:05', 40)],
      opts,
    );
    expect(again.emit).toEqual([]);
  });

  it('does not lose a product saved in the same second after the poll (equal timestamps)', () => {
    const a = processPoll(emptyLowStockState(), [rec(1, '2026-01-01T10:00:05', 2)], opts);
    const b = processPoll(
      a.state,
      [rec(1, '2026-01-01T10:00:05', 2), rec(3, '2026-01-01T10:00:05', 1)],
      opts,
    );
    expect(b.emit.map((r) => r.id)).toEqual([3]);
  });

  it('catches a late arrival older than the cursor but inside the overlap', () => {
    const a = processPoll(emptyLowStockState(), [rec(1, '2026-01-01T10:00:30', 2)], opts);
    const b = processPoll(
      a.state,
      [rec(4, '2026-01-01T10:00:10', 0), rec(1, '2026-01-01T10:00:30', 2)],
      opts,
    );
    expect(b.emit.map((r) => r.id)).toEqual([4]);
    expect(b.state.cursor).toBe(Date.parse('2026-01-01T10:00:30Z'));
  });

  it('re-emits at a new stock level, not at the same one, and again after a restock', () => {
    let s = processPoll(emptyLowStockState(), [rec(1, '2026-01-01T10:00:00', 4)], opts);
    s = processPoll(s.state, [rec(1, '2026-01-01T10:00:01', 4)], opts); // re-saved, same level
    expect(s.emit).toEqual([]);
    s = processPoll(s.state, [rec(1, '2026-01-01T10:00:02', 2)], opts);
    expect(s.emit.map((r) => r.stock_quantity)).toEqual([2]);
    s = processPoll(s.state, [rec(1, '2026-01-01T10:00:03', 30)], opts);
    s = processPoll(s.state, [rec(1, '2026-01-01T10:00:04', 4)], opts);
    expect(s.emit.map((r) => r.stock_quantity)).toEqual([4]);
  });

  it('ignores unmanaged stock and prunes versions older than the window', () => {
    const s = processPoll(
      emptyLowStockState(),
      [rec(5, '2026-01-01T09:00:00', 0, false), rec(6, '2026-01-01T10:00:00', 50)],
      opts,
    );
    expect(s.emit).toEqual([]);
    expect(Object.keys(s.state.seen)).toEqual([`6@${Date.parse('2026-01-01T10:00:00Z')}`]);
  });
});
