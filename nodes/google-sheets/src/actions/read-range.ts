import { defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { parseSheetsAuth, sheetsRequest, valuesUrl } from '../client.js';
import { rangeParam, spreadsheetIdParam } from '../params.js';
import { columnLetter, rangeStart, rowsToObjects } from '../values.js';
import type { CellValue } from '../values.js';

const params = z.object({
  spreadsheetId: spreadsheetIdParam,
  range: rangeParam('Sheet1!A1:F').default('Sheet1'),
  headerRow: z.boolean().default(true).meta({ title: 'First row holds the column names' }),
  skipEmptyRows: z.boolean().default(true).meta({ title: 'Skip empty rows' }),
  valueRenderOption: z
    .enum(['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'])
    .default('FORMATTED_VALUE')
    .meta({
      title: 'Values as',
      description: 'FORMATTED_VALUE: as shown (text); UNFORMATTED_VALUE: numbers stay numbers',
    }),
});

interface ValueRange {
  range: string;
  majorDimension: string;
  values?: CellValue[][];
}

export const readRange = defineNode({
  type: 'googleSheets.readRange',
  version: 1,
  displayName: 'Google Sheets: Read Range',
  description:
    'Reads a range (values.get): one item per row, keyed by the header row. Adds _row (sheet row number).',
  kind: 'action',
  group: 'Actions',
  icon: 'google-sheets',
  params,
  credentials: [{ name: 'googleSheets', type: 'googleSheets.oauth', required: true }],
  idempotent: true,
  sampleOutput: [
    { json: { sku: 'SW-CAN-001', supplier: 'orders@makers-collective.test', reorderPoint: '12', _row: 2 } },
  ],
  run: async (ctx) => {
    const auth = parseSheetsAuth(await ctx.credential('googleSheets'));
    const p = ctx.params;
    const response = await sheetsRequest<ValueRange>({
      http: ctx.http,
      auth,
      url: valuesUrl(auth, p.spreadsheetId, p.range),
      query: { majorDimension: 'ROWS', valueRenderOption: p.valueRenderOption },
      signal: ctx.signal,
      sleep: (ms) => ctx.sleep(ms),
    });
    // Google omits `values` entirely for an empty range, and trailing empty cells in each row
    const values = response.body.values ?? [];
    const start = rangeStart(response.body.range ?? p.range);
    const header: CellValue[] = p.headerRow
      ? (values[0] ?? [])
      : Array.from({ length: Math.max(0, ...values.map((r) => r.length)) }, (_, c) =>
          columnLetter(start.column + c),
        );
    const firstDataRow = p.headerRow ? 1 : 0;
    const objects = rowsToObjects({ header, rows: values.slice(firstDataRow), firstColumn: start.column });
    const out: Item[] = [];
    objects.forEach((json, i) => {
      const row = values[firstDataRow + i] ?? [];
      if (p.skipEmptyRows && row.every((cell) => cell === '')) return;
      out.push({ json: { ...json, _row: start.row + firstDataRow + i } });
    });
    return out;
  },
});
