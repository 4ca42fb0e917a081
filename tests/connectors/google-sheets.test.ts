import sheets, { googleSheetsOAuth } from '@shopwire/nodes-google-sheets';
import { NodeError, ValidationError } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';
import { createHttpClient } from '@shopwire/http';
import { items, outputJson, runNode } from '@shopwire/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startGoogleSheetsFake } from '../fakes/google-sheets/index.js';
import type { GoogleSheetsFake } from '../fakes/google-sheets/index.js';

const node = (type: string) => sheets.nodes.find((n) => n.type === type) as NodeDefinition;
const appendRows = node('googleSheets.appendRows');
const readRange = node('googleSheets.readRange');

let fake: GoogleSheetsFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const cred = (f: GoogleSheetsFake, token = f.token) => ({
  googleSheets: { accessToken: token, baseUrl: f.url },
});
const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );

describe('googleSheets credential', () => {
  it('test() accepts a valid token and reports 401 UNAUTHENTICATED for a bad one', async () => {
    fake = await startGoogleSheetsFake();
    const http = createHttpClient({ allowPrivateNetworks: true, baseDelayMs: 5 });
    expect(await googleSheetsOAuth.test!({ accessToken: fake.token, baseUrl: fake.url }, { http })).toEqual({
      ok: true,
      message: 'Google accepted the access token',
    });
    const bad = await googleSheetsOAuth.test!({ accessToken: 'ya29.expired', baseUrl: fake.url }, { http });
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain('401 UNAUTHENTICATED');
    expect(bad.message).not.toContain('ya29.expired');
  });
});

describe('googleSheets.appendRows', () => {
  it('appends one row per item after the table, in the column order given (USER_ENTERED)', async () => {
    fake = await startGoogleSheetsFake();
    const id = fake.createSpreadsheet({ sheets: { Sheet1: [['sku', 'title', 'qty']], Archive: [] } });
    const out = outputJson(
      await runNode({
        node: appendRows,
        items: items(
          { sku: 'SW-CAN-001', title: 'Amber candle, "large"', qty: 12, extra: 'x' },
          { sku: 'SW-CER-002', qty: '7', title: 'Mug' },
        ),
        params: { spreadsheetId: id, range: 'Sheet1!A:C', columns: ['sku', 'title', 'qty'] },
        credentials: cred(fake),
      }),
    );
    expect(out).toEqual([
      {
        spreadsheetId: id,
        tableRange: 'Sheet1!A1:C1',
        updatedRange: 'Sheet1!A2:C3',
        updatedRows: 2,
        updatedColumns: 3,
        updatedCells: 6,
      },
    ]);
    expect(fake.grid(id)).toEqual([
      ['sku', 'title', 'qty'],
      ['SW-CAN-001', 'Amber candle, "large"', 12],
      ['SW-CER-002', 'Mug', 7], // "7" typed in → a number, as USER_ENTERED does
    ]);
    const req = fake.received.at(-1)!;
    expect(req.path).toBe(`/v4/spreadsheets/${id}/values/Sheet1!A%3AC:append`);
    expect(req.query.get('valueInputOption')).toBe('USER_ENTERED');
    expect(req.headers.authorization).toBe(`Bearer ${fake.token}`);
  });

  it('writes a header row into an empty sheet and uses the first item’s keys by default', async () => {
    fake = await startGoogleSheetsFake();
    const id = fake.createSpreadsheet({ sheets: { 'Low stock': [] } });
    await runNode({
      node: appendRows,
      items: items({ sku: 'A-1', onHand: 2, meta: { loc: 'main' } }),
      params: { spreadsheetId: id, range: "'Low stock'", includeHeader: true, valueInputOption: 'RAW' },
      credentials: cred(fake),
    });
    expect(fake.grid(id, 'Low stock')).toEqual([
      ['sku', 'onHand', 'meta'],
      ['A-1', 2, '{"loc":"main"}'],
    ]);
  });

  it('fails with Google’s 401 for a bad token and 400 for an unparseable range', async () => {
    fake = await startGoogleSheetsFake();
    const id = fake.createSpreadsheet();
    const auth = (await fail(
      runNode({
        node: appendRows,
        items: items({ a: 1 }),
        params: { spreadsheetId: id },
        credentials: cred(fake, 'ya29.bad'),
      }),
    )) as NodeError;
    expect(auth.httpStatus).toBe(401);
    expect(auth.message).toContain('reconnect the Google credential');
    const range = (await fail(
      runNode({
        node: appendRows,
        items: items({ a: 1 }),
        params: { spreadsheetId: id, range: 'Nope!A1' },
        credentials: cred(fake),
      }),
    )) as NodeError;
    expect(range.httpStatus).toBe(400);
    expect(range.message).toContain('Unable to parse range: Nope!A1');
    const missing = (await fail(
      runNode({
        node: appendRows,
        items: items({ a: 1 }),
        params: { spreadsheetId: 'x'.repeat(20) },
        credentials: cred(fake),
      }),
    )) as NodeError;
    expect(missing.httpStatus).toBe(404);
  });

  it('rejects a malformed spreadsheet id naming the field, before calling', async () => {
    fake = await startGoogleSheetsFake();
    const error = (await fail(
      runNode({
        node: appendRows,
        items: items({ a: 1 }),
        params: { spreadsheetId: 'https://docs.google.com/x' },
        credentials: cred(fake),
      }),
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe('params.spreadsheetId');
    expect(fake.received).toHaveLength(0);
  });

  it('backs off on 429 RESOURCE_EXHAUSTED (writes/min/user) and still appends every row', async () => {
    fake = await startGoogleSheetsFake({ writesPerWindow: 2, windowMs: 1000 });
    const id = fake.createSpreadsheet();
    const started = Date.now();
    const out = await runNode({
      node: appendRows,
      items: items({ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }),
      params: { spreadsheetId: id, batchSize: 1 },
      credentials: cred(fake),
    });
    expect(outputJson(out).map((o) => (o as { updatedRange: string }).updatedRange)).toEqual([
      'Sheet1!A1:A1',
      'Sheet1!A2:A2',
      'Sheet1!A3:A3',
      'Sheet1!A4:A4',
    ]);
    expect(fake.grid(id)).toEqual([[1], [2], [3], [4]]);
    expect(fake.state.rateLimited).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('googleSheets.readRange', () => {
  it('returns one item per row keyed by the header row, with the sheet row number', async () => {
    fake = await startGoogleSheetsFake();
    const id = fake.createSpreadsheet({
      sheets: {
        Sheet1: [
          ['sku', 'supplier', 'reorderPoint'],
          ['SW-CAN-001', 'north@x.test', 12],
          [],
          ['SW-LIN-004', 'makers@x.test'],
        ],
      },
    });
    const out = outputJson(
      await runNode({
        node: readRange,
        params: { spreadsheetId: id, range: 'Sheet1!A1:C' },
        credentials: cred(fake),
      }),
    );
    expect(out).toEqual([
      { sku: 'SW-CAN-001', supplier: 'north@x.test', reorderPoint: '12', _row: 2 },
      { sku: 'SW-LIN-004', supplier: 'makers@x.test', reorderPoint: '', _row: 4 },
    ]);
    const unformatted = outputJson(
      await runNode({
        node: readRange,
        params: {
          spreadsheetId: id,
          range: 'B2:C2',
          headerRow: false,
          valueRenderOption: 'UNFORMATTED_VALUE',
        },
        credentials: cred(fake),
      }),
    );
    expect(unformatted).toEqual([{ B: 'north@x.test', C: 12, _row: 2 }]);
  });

  it('returns no items for an empty range (Google omits values)', async () => {
    fake = await startGoogleSheetsFake();
    const id = fake.createSpreadsheet();
    expect(
      await runNode({ node: readRange, params: { spreadsheetId: id }, credentials: cred(fake) }),
    ).toEqual([]);
  });
});
