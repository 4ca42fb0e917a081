/**
 * Dedupe for the low-stock poller. WooCommerce timestamps have one-second precision and
 * `modified_after` is exclusive, so a naive "newer than the last max" cursor loses products
 * saved in the same second after a poll, and products whose save became visible late.
 *
 * So: the cursor is the max `date_modified_gmt` seen; each poll re-queries from cursor − overlap;
 * every (id, modified) seen inside that window is remembered and skipped when it comes back; and
 * per product we remember the stock levels already reported while it stays low.
 */
export interface LowStockState {
  /** max date_modified_gmt seen (ms since epoch), null before the first poll */
  cursor: number | null;
  /** `${id}@${modifiedMs}` → modifiedMs, for everything seen within the overlap window */
  seen: Record<string, number>;
  /** product id → stock levels already emitted while at or below the threshold */
  emitted: Record<string, number[]>;
}

export interface StockRecord {
  id: number;
  date_modified_gmt: string | null;
  manage_stock: boolean | string;
  stock_quantity: number | null;
}

export const emptyLowStockState = (): LowStockState => ({ cursor: null, seen: {}, emitted: {} });

/** The `modified_after` to send (GMT, ms), or undefined on the first poll (everything). */
export function queryFrom(state: LowStockState, overlapMs: number): number | undefined {
  return state.cursor === null ? undefined : state.cursor - overlapMs;
}

export function modifiedMs(record: StockRecord): number {
  const raw = record.date_modified_gmt;
  if (!raw) return 0;
  return Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(raw) ? raw : `${raw}Z`);
}

export function processPoll<T extends StockRecord>(
  previous: LowStockState,
  records: T[],
  options: { threshold: number; overlapMs: number },
): { state: LowStockState; emit: T[] } {
  const state: LowStockState = {
    cursor: previous.cursor,
    seen: { ...previous.seen },
    emitted: { ...previous.emitted },
  };
  const emit: T[] = [];
  for (const record of records) {
    const modified = modifiedMs(record);
    const key = `${record.id}@${modified}`;
    if (key in state.seen) continue; // this exact version was already looked at
    state.seen[key] = modified;
    if (state.cursor === null || modified > state.cursor) state.cursor = modified;
    const id = String(record.id);
    const managed = record.manage_stock === true || record.manage_stock === 'parent';
    const quantity = record.stock_quantity;
    if (!managed || quantity === null || quantity > options.threshold) {
      delete state.emitted[id]; // restocked: a later drop is news again
      continue;
    }
    const levels = state.emitted[id] ?? [];
    if (levels.includes(quantity)) continue;
    state.emitted[id] = [...levels, quantity].slice(-20);
    emit.push(record);
  }
  // forget versions older than the window the next query can return
  if (state.cursor !== null) {
    const horizon = state.cursor - options.overlapMs;
    for (const [key, modified] of Object.entries(state.seen)) if (modified < horizon) delete state.seen[key];
  }
  return { state, emit };
}
