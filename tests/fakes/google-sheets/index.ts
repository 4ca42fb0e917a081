import { FakeRouter, FixedWindow, startFake } from '../shared/index.js';
import type { FakeRequest, FakeResponse } from '../shared/index.js';
import { GRID_COLS, GRID_ROWS, formatA1, parseA1 } from './a1.js';
import type { GridRange } from './a1.js';

/**
 * Local fake of the Google Sheets API v4 values endpoints: values.get, values.append
 * (valueInputOption RAW | USER_ENTERED), spreadsheets.get; OAuth bearer tokens (401
 * UNAUTHENTICATED), 404 NOT_FOUND, 400 INVALID_ARGUMENT, per-user write/read quotas per
 * window → 429 RESOURCE_EXHAUSTED (no Retry-After, like Google). Grids are inspectable.
 */

export type Cell = string | number | boolean;
export interface FakeSpreadsheet {
  id: string;
  title: string;
  sheets: Map<string, Cell[][]>;
}

export interface SheetsFakeOptions {
  port?: number;
  /** access token → user (default one token for owner@demo-boutique.test) */
  tokens?: Record<string, string>;
  /** write requests per window per user (Google: 60 per minute) */
  writesPerWindow?: number;
  /** read requests per window per user (Google: 300 per minute) */
  readsPerWindow?: number;
  windowMs?: number;
}

export const DEFAULT_SHEETS_TOKEN = 'ya29.shopwire-test-token';

const googleError = (
  code: number,
  status: string,
  message: string,
  headers?: Record<string, string>,
): FakeResponse => ({
  status: code,
  headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
  body: { error: { code, message, status } },
});

/** USER_ENTERED: what Sheets does with typed text (numbers and booleans are parsed). */
function entered(value: unknown, option: string): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (option !== 'USER_ENTERED') return text;
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  if (/^(true|false)$/i.test(text.trim())) return text.trim().toUpperCase() === 'TRUE';
  return text;
}

const formatted = (cell: Cell): Cell =>
  typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : String(cell);

export async function startGoogleSheetsFake(options: SheetsFakeOptions = {}) {
  const tokens = options.tokens ?? { [DEFAULT_SHEETS_TOKEN]: 'owner@demo-boutique.test' };
  const windowMs = options.windowMs ?? 60_000;
  const quotas = new Map<string, FixedWindow>();
  const spreadsheets = new Map<string, FakeSpreadsheet>();
  const state = { spreadsheets, rateLimited: 0, writes: 0 };

  const quota = (user: string, kind: 'write' | 'read'): boolean => {
    const key = `${user}:${kind}`;
    let window = quotas.get(key);
    if (!window) {
      window = new FixedWindow(
        kind === 'write' ? (options.writesPerWindow ?? 60) : (options.readsPerWindow ?? 300),
        windowMs,
      );
      quotas.set(key, window);
    }
    return window.take();
  };

  const guard =
    (kind: 'write' | 'read', handler: (req: FakeRequest, book: FakeSpreadsheet) => FakeResponse) =>
    (req: FakeRequest): FakeResponse => {
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      const user = token ? tokens[token] : undefined;
      if (!user)
        return googleError(
          401,
          'UNAUTHENTICATED',
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
          { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
        );
      if (!quota(user, kind)) {
        state.rateLimited++;
        const metric = kind === 'write' ? 'Write requests' : 'Read requests';
        return googleError(
          429,
          'RESOURCE_EXHAUSTED',
          `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:123456789'.`,
        );
      }
      const book = spreadsheets.get(req.params.id ?? '');
      if (!book) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
      return handler(req, book);
    };

  const resolve = (
    book: FakeSpreadsheet,
    text: string,
  ): { range: GridRange; grid: Cell[][] } | FakeResponse => {
    const range = parseA1(text, [...book.sheets.keys()]);
    if (!range) return googleError(400, 'INVALID_ARGUMENT', `Unable to parse range: ${text}`);
    return { range, grid: book.sheets.get(range.sheet)! };
  };

  const get = guard('read', (req, book) => {
    const found = resolve(book, req.params.range ?? '');
    if ('status' in found) return found;
    const { range, grid } = found;
    const r1 = range.startRow ?? 0;
    const c1 = range.startCol ?? 0;
    const r2 = range.endRow ?? GRID_ROWS - 1;
    const c2 = range.endCol ?? GRID_COLS - 1;
    const render = req.query.get('valueRenderOption') ?? 'FORMATTED_VALUE';
    const values: Cell[][] = [];
    for (let r = r1; r <= r2 && r < grid.length; r++) {
      const row = (grid[r] ?? [])
        .slice(c1, c2 + 1)
        .map((cell) => (render === 'FORMATTED_VALUE' ? formatted(cell) : cell));
      while (row.length && row.at(-1) === '') row.pop(); // Google trims trailing empty cells…
      values.push(row);
    }
    while (values.length && values.at(-1)!.length === 0) values.pop(); // …and trailing empty rows
    return {
      status: 200,
      body: {
        range: formatA1(range.sheet, r1, c1, r2, c2),
        majorDimension: 'ROWS',
        ...(values.length ? { values } : {}),
      },
    };
  });

  const append = guard('write', (req, book) => {
    const option = req.query.get('valueInputOption');
    if (!option)
      return googleError(400, 'INVALID_ARGUMENT', "'valueInputOption' is required but not specified");
    if (option !== 'RAW' && option !== 'USER_ENTERED')
      return googleError(
        400,
        'INVALID_ARGUMENT',
        `Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "${option}"`,
      );
    const found = resolve(book, (req.params.range ?? '').replace(/:append$/, ''));
    if ('status' in found) return found;
    const values = (req.body as { values?: unknown } | null)?.values;
    if (!Array.isArray(values) || values.some((row) => !Array.isArray(row)))
      return googleError(
        400,
        'INVALID_ARGUMENT',
        "Invalid JSON payload received. Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue)",
      );
    const { range, grid } = found;
    const c1 = range.startCol ?? 0;
    const r1 = range.startRow ?? 0;
    const width = Math.max(1, ...values.map((row) => (row as unknown[]).length));
    // the "table" is the data in the range's columns from its first row; rows go after its last row
    let last = r1 - 1;
    for (let r = r1; r < grid.length; r++) {
      if ((grid[r] ?? []).slice(c1, c1 + width).some((cell) => cell !== '')) last = r;
    }
    const start = last + 1;
    values.forEach((row, i) => {
      const target = (grid[start + i] ??= []);
      (row as unknown[]).forEach((value, c) => {
        while (target.length < c1 + c) target.push('');
        target[c1 + c] = entered(value, option);
      });
    });
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    state.writes++;
    const end = start + values.length - 1;
    return {
      status: 200,
      body: {
        spreadsheetId: book.id,
        ...(last >= r1 ? { tableRange: formatA1(range.sheet, r1, c1, last, c1 + width - 1) } : {}),
        updates: {
          spreadsheetId: book.id,
          updatedRange: formatA1(range.sheet, start, c1, end, c1 + width - 1),
          updatedRows: values.length,
          updatedColumns: width,
          updatedCells: values.reduce((n: number, row) => n + (row as unknown[]).length, 0),
        },
      },
    };
  });

  const meta = guard('read', (_req, book) => ({
    status: 200,
    body: {
      spreadsheetId: book.id,
      properties: { title: book.title, locale: 'en_US', timeZone: 'Etc/GMT' },
      sheets: [...book.sheets.keys()].map((title, index) => ({
        properties: {
          sheetId: index,
          title,
          index,
          sheetType: 'GRID',
          gridProperties: { rowCount: GRID_ROWS, columnCount: GRID_COLS },
        },
      })),
    },
  }));

  const router = new FakeRouter()
    .on('GET', '/v4/spreadsheets/:id', meta)
    .on('GET', '/v4/spreadsheets/:id/values/:range', get)
    .on('POST', '/v4/spreadsheets/:id/values/:range', append);

  const fake = await startFake({
    router,
    ...(options.port === undefined ? {} : { port: options.port }),
    notFound: (req) => googleError(404, 'NOT_FOUND', `Method not found: ${req.method} ${req.path}`),
  });

  return {
    url: fake.url,
    state,
    received: fake.received,
    token: Object.keys(tokens)[0] ?? DEFAULT_SHEETS_TOKEN,
    createSpreadsheet(init: { id?: string; title?: string; sheets?: Record<string, Cell[][]> } = {}): string {
      const id = init.id ?? `1${Math.random().toString(36).slice(2, 12)}SwFakeSheet${spreadsheets.size}`;
      const sheets = new Map(
        Object.entries(init.sheets ?? { Sheet1: [] }).map(([name, rows]) => [name, rows.map((r) => [...r])]),
      );
      spreadsheets.set(id, { id, title: init.title ?? 'Shopwire demo', sheets });
      return id;
    },
    /** the grid of one sheet, trailing empty rows removed */
    grid(spreadsheetId: string, sheet = 'Sheet1'): Cell[][] {
      const rows = spreadsheets.get(spreadsheetId)?.sheets.get(sheet) ?? [];
      const copy = rows.map((r) => [...r]);
      while (copy.length && copy.at(-1)!.every((c) => c === '')) copy.pop();
      return copy;
    },
    close: () => fake.close(),
  };
}

export type GoogleSheetsFake = Awaited<ReturnType<typeof startGoogleSheetsFake>>;
