import { defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { parseSheetsAuth, sheetsRequest, valuesUrl } from '../client.js';
import { rangeParam, spreadsheetIdParam } from '../params.js';
import { getField, toCell } from '../values.js';
import type { CellValue } from '../values.js';

const params = z.object({
  spreadsheetId: spreadsheetIdParam,
  range: rangeParam('Sheet1!A:D').default('Sheet1'),
  columns: z.array(z.string().min(1).max(200)).max(200).default([]).meta({
    title: 'Columns',
    description: 'Item fields in column order (dot paths). Empty: the first item’s keys.',
  }),
  includeHeader: z.boolean().default(false).meta({ title: 'Write the column names as a first row' }),
  valueInputOption: z
    .enum(['USER_ENTERED', 'RAW'])
    .default('USER_ENTERED')
    .meta({ title: 'Value input', description: 'USER_ENTERED parses numbers/dates/formulas as if typed' }),
  batchSize: z.number().int().min(1).max(10_000).default(500).meta({ title: 'Rows per request' }),
});

interface AppendResponse {
  spreadsheetId: string;
  tableRange?: string;
  updates: { updatedRange: string; updatedRows: number; updatedColumns: number; updatedCells: number };
}

export const appendRows = defineNode({
  type: 'googleSheets.appendRows',
  version: 1,
  displayName: 'Google Sheets: Append Rows',
  description: 'Appends one row per item after the last row of the table in a range (values.append).',
  kind: 'action',
  group: 'Actions',
  icon: 'google-sheets',
  params,
  credentials: [{ name: 'googleSheets', type: 'googleSheets.oauth', required: true }],
  // append has no idempotency key: a retry adds the rows again
  idempotent: false,
  sampleOutput: [
    {
      json: {
        spreadsheetId: '1AbCdEfGhIjKlMnOp',
        updatedRange: 'Sheet1!A2:C3',
        updatedRows: 2,
        updatedColumns: 3,
        updatedCells: 6,
      },
    },
  ],
  run: async (ctx) => {
    const auth = parseSheetsAuth(await ctx.credential('googleSheets'));
    const p = ctx.params;
    if (ctx.items.length === 0) return [];
    const columns = p.columns.length ? p.columns : Object.keys(ctx.items[0]!.json);
    const rows: CellValue[][] = ctx.items.map((item) => columns.map((c) => toCell(getField(item.json, c))));
    if (p.includeHeader) rows.unshift([...columns]);
    const out: Item[] = [];
    // one write per batch, not per item: the quota is 60 writes per minute per user
    for (let start = 0; start < rows.length; start += p.batchSize) {
      const response = await sheetsRequest<AppendResponse>({
        http: ctx.http,
        auth,
        method: 'POST',
        url: valuesUrl(auth, p.spreadsheetId, p.range, ':append'),
        query: { valueInputOption: p.valueInputOption, insertDataOption: 'INSERT_ROWS' },
        json: { majorDimension: 'ROWS', values: rows.slice(start, start + p.batchSize) },
        signal: ctx.signal,
        sleep: (ms) => ctx.sleep(ms),
      });
      const { updates, tableRange } = response.body;
      out.push({
        json: {
          spreadsheetId: p.spreadsheetId,
          ...(tableRange ? { tableRange } : {}),
          updatedRange: updates.updatedRange,
          updatedRows: updates.updatedRows,
          updatedColumns: updates.updatedColumns,
          updatedCells: updates.updatedCells,
        },
      });
    }
    return out;
  },
});
