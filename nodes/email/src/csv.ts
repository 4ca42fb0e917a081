import type { JsonObject, JsonValue } from '@shopwire/sdk';

/**
 * RFC 4180 CSV: CRLF line ends, fields with comma, quote, CR/LF or edge spaces quoted, quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe
 * (OWASP "CSV injection"); plain negative numbers are left alone.
 */
export function buildCsv(options: { rows: JsonObject[]; fields?: string[] | undefined }): string {
  const fields = options.fields?.length ? options.fields : unionOfKeys(options.rows);
  const lines = [fields.map((f) => csvField(f)).join(',')];
  for (const row of options.rows)
    lines.push(fields.map((f) => csvField(cellText(readPath(row, f)))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function csvField(text: string): string {
  let value = text;
  if (/^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value)) value = `'${value}`;
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cellText(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function unionOfKeys(rows: JsonObject[]): string[] {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  return keys;
}

function readPath(row: JsonObject, path: string): JsonValue | undefined {
  if (path in row) return row[path];
  let current: JsonValue | undefined = row;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(key)] : current[key];
  }
  return current;
}
