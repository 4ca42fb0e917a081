/** A1 notation for the fake's simple grids: `Sheet1`, `Sheet1!A1:C5`, `'My Sheet'!A:C`, `A2:C`, `1:3`. */

export interface GridRange {
  sheet: string;
  /** 0-based inclusive; undefined = open (to the grid's edge) */
  startRow?: number;
  endRow?: number;
  startCol?: number;
  endCol?: number;
}

export const GRID_ROWS = 1000;
export const GRID_COLS = 26;

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function colLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** undefined when the text is not A1 notation (Google answers 400 "Unable to parse range"). */
export function parseA1(text: string, sheets: string[]): GridRange | undefined {
  let sheet: string | undefined;
  let cells: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    cells = text.slice(bang + 1);
  } else if (sheets.includes(text)) {
    sheet = text;
  } else if (text.length > 2 && text.startsWith("'") && text.endsWith("'")) {
    sheet = text.slice(1, -1).replace(/''/g, "'");
  } else {
    sheet = sheets[0];
    cells = text;
  }
  if (!sheet || !sheets.includes(sheet)) return undefined;
  if (cells === undefined || cells === '') return { sheet };
  const [from, to, extra] = cells.split(':');
  if (extra !== undefined) return undefined;
  const a = CELL.exec(from ?? '');
  const b = to === undefined ? a : CELL.exec(to);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) return undefined;
  const range: GridRange = { sheet };
  if (a[1]) range.startCol = colIndex(a[1]);
  if (a[2]) range.startRow = Number(a[2]) - 1;
  if (b[1]) range.endCol = colIndex(b[1]);
  if (b[2]) range.endRow = Number(b[2]) - 1;
  // `A:C` and `1:3` are open in the other dimension; `A2:C` ends at the grid's last row
  if (a[2] && !a[1] && !b[1]) return { sheet, startRow: range.startRow!, endRow: range.endRow! };
  return range;
}

export function quoteSheet(sheet: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function formatA1(sheet: string, r1: number, c1: number, r2: number, c2: number): string {
  return `${quoteSheet(sheet)}!${colLetters(c1)}${r1 + 1}:${colLetters(c2)}${r2 + 1}`;
}
