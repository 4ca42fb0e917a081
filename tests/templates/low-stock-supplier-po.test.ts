import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelKey } from '../fakes/shopify/index.js';
import { explain, startHarness, type Harness } from './harness.js';

/** Schedule → Shopify stock vs reorder points (sheet) → EOQ → one PO email per supplier with a CSV. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('template low-stock-supplier-po', () => {
  it('emails each supplier exactly the SKUs at or under their reorder point, with EOQ quantities', async () => {
    const { boutique, shopify, sheets, smtp } = h.fakes;
    const sheetId = sheets.createSpreadsheet({
      sheets: {
        'Reorder settings': [
          ['sku', 'reorderPoint', 'unitCost', 'supplier', 'supplierEmail'],
          ...boutique.products.map((p) => [p.sku, p.reorderPoint, p.costCents / 100, p.supplier, p.supplier]),
        ],
      },
    });
    const workflowId = await h.use('low-stock-supplier-po', {
      patch: (wf) => {
        wf.nodes.find((n: { id: string }) => n.id === 'settings').params.spreadsheetId = sheetId;
      },
    });

    // expected, computed from the fakes' own state
    const since = Date.now() - 365 * 86_400_000;
    const demand = new Map<string, number>();
    for (const order of shopify.state.orders) {
      if (order.financialStatus === 'REFUNDED' || Date.parse(order.createdAt) < since) continue;
      for (const line of order.lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);
    }
    const expected = new Map<string, Map<string, number>>();
    for (const product of boutique.products) {
      const variant = [...shopify.state.variants.values()].find((v) => v.sku === product.sku)!;
      const onHand = shopify.state.locations.reduce(
        (sum, loc) =>
          sum + (shopify.state.levels.get(levelKey(variant.inventoryItemId, loc.id))?.available ?? 0),
        0,
      );
      if (onHand > product.reorderPoint) continue;
      const d = demand.get(product.sku) ?? 0;
      const eoq = Math.sqrt((2 * d * 25) / (0.25 * (product.costCents / 100)));
      const lines = expected.get(product.supplier) ?? new Map<string, number>();
      lines.set(product.sku, Math.max(1, Math.ceil(eoq - 1e-9)));
      expected.set(product.supplier, lines);
    }
    expect(expected.size).toBeGreaterThan(0);

    const execution = await h.run(workflowId, 'schedule');
    expect(execution.status, await explain(h, execution)).toBe('success');

    expect(smtp.messages.map((m) => m.envelope.to[0]).sort()).toEqual([...expected.keys()].sort());
    for (const message of smtp.messages) {
      const supplier = message.envelope.to[0]!;
      expect(message.subject).toMatch(/^Purchase order PO-\d{8}-\d{4} from Demo Boutique$/);
      expect(message.attachments).toHaveLength(1);
      const csv = message.attachments[0]!.content.toString('utf8').trim().split('\r\n');
      const rows = csv.slice(1, -1).map((line) => line.split(','));
      const got = new Map(rows.map((r) => [r[2]!, Number(r[4])]));
      expect(got).toEqual(expected.get(supplier));
    }

    // a second run the same day orders nothing again (7-day cooldown per SKU)
    const again = await h.run(workflowId, 'schedule');
    expect(again.status).toBe('success');
    expect(smtp.messages).toHaveLength(expected.size);
  });
});
