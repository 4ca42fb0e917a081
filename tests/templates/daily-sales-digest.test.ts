import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOrder } from '../fakes/shopify/index.js';
import { explain, startHarness, type Harness } from './harness.js';

/** Schedule → yesterday's paid Shopify orders → totals → Slack message + Sheets row. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const day = (ms: number) => new Date(ms).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });

describe('template daily-sales-digest', () => {
  it("posts yesterday's order count and revenue to Slack and appends them to the sheet", async () => {
    const { shopify, slack, sheets } = h.fakes;
    const yesterdayAt = Date.now() - 86_400_000;
    const add = (
      n: number,
      total: string,
      status: FakeOrder['financialStatus'],
      sku: string,
      qty: number,
    ) => {
      const at = new Date(yesterdayAt - n * 60_000).toISOString();
      shopify.state.orders.push({
        id: `gid://shopify/Order/${991000 + n}`,
        name: `#${9100 + n}`,
        email: `digest${n}@example.test`,
        customerId: null,
        createdAt: at,
        updatedAt: at,
        financialStatus: status,
        lines: [
          {
            id: `gid://shopify/LineItem/${991000 + n}`,
            sku,
            title: sku,
            quantity: qty,
            variantId: null,
            price: total,
          },
        ],
        total,
      });
    };
    add(1, '120.50', 'PAID', 'SW-CAN-001', 3);
    add(2, '35.25', 'PAID', 'SW-CER-002', 1);
    add(3, '80.00', 'REFUNDED', 'SW-CAN-001', 2);
    add(4, '14.25', 'PAID', 'SW-CER-002', 1);
    const yesterday = day(yesterdayAt);
    const paid = shopify.state.orders.filter(
      (o) => o.financialStatus === 'PAID' && day(Date.parse(o.createdAt)) === yesterday,
    );
    const cents = paid.reduce((sum, o) => sum + Math.round(Number(o.total) * 100), 0);
    const revenue = (cents / 100).toFixed(2);
    expect(paid.length).toBeGreaterThanOrEqual(3);

    const sheetId = sheets.createSpreadsheet({
      sheets: { 'Sales log': [['date', 'orders', 'revenue', 'average', 'best sellers']] },
    });
    const workflowId = await h.use('daily-sales-digest', {
      patch: (wf) => {
        wf.nodes.find((n: { id: string }) => n.id === 'sheet').params.spreadsheetId = sheetId;
      },
    });
    const execution = await h.run(workflowId, 'schedule');
    expect(execution.status, await explain(h, execution)).toBe('success');

    expect(slack.state.messages).toHaveLength(1);
    const text = slack.state.messages[0]!.text!;
    expect(text).toContain(`Sales for ${yesterday}`);
    expect(text).toContain(`Orders: ${paid.length}`);
    expect(text).toContain(`Revenue: $${revenue}`);
    const rows = sheets.grid(sheetId, 'Sales log');
    expect(rows).toHaveLength(2);
    // USER_ENTERED: the sheet stores numbers, as Google does
    expect(rows[1]!.slice(0, 3).map(String)).toEqual([
      yesterday,
      String(paid.length),
      String(Number(revenue)),
    ]);
  });
});
