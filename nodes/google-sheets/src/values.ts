import type { JsonObject, JsonValue } from '@shopwire/sdk';

export type CellValue = string | number | boolean;

/** A cell from an item field: objects become JSON text, null/undefined an empty cell. */
export function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return JSON.stringify(value);
}

/** Reads `a.b.0.c` from an item. */
export function getField(json: JsonObject, path: string): JsonValue | undefined {
  if (path in json) return json[path];
  let current: JsonValue | undefined = json;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(key)] : current[key];
  }
  return current;
}

/** Rows → objects keyed by the header row (blank headers → column letter, duplicates → name_2). */
export function rowsToObjects(options: {
  header: CellValue[];
  rows: CellValue[][];
  firstColumn: number;
}): JsonObject[] {
  const width = Math.max(options.header.length, ...options.rows.map((r) => r.length));
  const keys: string[] = [];
  for (let c = 0; c < width; c++) {
    const raw = options.header[c];
    let key = raw === undefined || raw === '' ? columnLetter(options.firstColumn + c) : String(raw);
    for (let n = 2; keys.includes(key); n++) key = `${String(raw)}_${n}`;
    keys.push(key);
  }
  return options.rows.map((row) => Object.fromEntries(keys.map((key, c) => [key, row[c] ?? ''])));
}

/** 0 → A, 25 → Z, 26 → AA */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Start row and column of an A1 range like `'My Sheet'!B3:D` (1-based row, 0-based column). */
export function rangeStart(range: string): { row: number; column: number } {
  const cells = range.includes('!') ? range.slice(range.lastIndexOf('!') + 1) : range;
  // a bare sheet name (`Sheet1`) is not a cell reference: it starts at A1
  const match = /^\$?([A-Za-z]{0,3})\$?(\d*)(?::|$)/.exec(cells);
  const letters = (match?.[1] ?? '').toUpperCase();
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: match?.[2] ? Number(match[2]) : 1, column: letters ? column - 1 : 0 };
}
