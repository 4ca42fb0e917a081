import { ShopwireError } from '@shopwire/sdk';

/** A stored row that cannot be read back (corrupt JSON, invalid document). Names the row. */
export class CorruptRowError extends ShopwireError {
  constructor(table: string, id: string, column: string, reason: string) {
    super('CORRUPT_ROW', `${table} ${id}: column "${column}" cannot be read (${reason})`);
    this.name = 'CorruptRowError';
  }
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function toJsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Parses a JSON column; throws CorruptRowError naming table, row and column. */
export function parseJsonColumn<T>(
  text: string | null,
  where: { table: string; id: string; column: string },
): T | undefined {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new CorruptRowError(
      where.table,
      where.id,
      where.column,
      error instanceof Error ? error.message : 'invalid JSON',
    );
  }
}
