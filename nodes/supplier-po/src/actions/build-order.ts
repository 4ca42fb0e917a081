import { defineNode, z } from '@shopwire/sdk';
import type { Item, JsonObject } from '@shopwire/sdk';
import { isStillOpen, ledgerKey, ledgerStore, readLedger, writeLedger } from '../ledger.js';
import { readShortages } from '../lines.js';
import type { ShortageLine } from '../lines.js';
import { poCsv, poHtml } from '../render.js';
import type { PoLine, PurchaseOrder } from '../render.js';

const params = z.object({
  reorderCooldownDays: z.number().min(0).max(365).default(7).meta({
    title: 'Don’t re-order for (days)',
    description: 'A SKU ordered within this many days (and not marked received) is skipped',
  }),
  poPrefix: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,12}$/, 'letters, digits and dashes, at most 12')
    .default('PO')
    .meta({ title: 'PO number prefix' }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like USD')
    .default('USD')
    .meta({ title: 'Currency' }),
  shopName: z.string().trim().max(200).default('Demo Boutique').meta({ title: 'Shop name (on the PO)' }),
  notes: z
    .string()
    .max(5000)
    .default('')
    .meta({ title: 'Notes (on the PO)', ui: { widget: 'textarea' } }),
});

export const buildOrder = defineNode({
  type: 'supplierPo.buildOrder',
  version: 1,
  displayName: 'Build Supplier Purchase Orders',
  description:
    'Groups SKUs under their reorder point by supplier into one purchase order each (lines, totals, CSV, HTML) and remembers what was ordered so the same shortage is not ordered twice.',
  kind: 'transform',
  group: 'Retail',
  icon: 'clipboard-list',
  params,
  outputs: ['main', 'skipped'],
  // a re-run of the same node run re-emits its own orders (see ledger runKey)
  idempotent: true,
  sampleOutput: [
    {
      json: {
        poNumber: 'PO-20250816-0001',
        supplier: 'orders@makers-collective.test',
        date: '2025-08-16',
        currency: 'USD',
        lines: [{ sku: 'SW-CAN-002', title: 'Sage Candle', quantity: 24, unitCost: 4.5, lineTotal: 108 }],
        lineCount: 1,
        total: 108,
        csv: 'po_number,supplier,sku,…',
        html: '<h2>Purchase order PO-20250816-0001</h2>…',
      },
    },
  ],
  run: async (ctx) => {
    const p = ctx.params;
    const shortages = readShortages(ctx.items);
    const store = ledgerStore(ctx);
    const ledger = await readLedger(store);
    const now = ctx.now();
    const runKey = ctx.idempotencyKey();
    const skipped: Item[] = [];
    // supplier → sku → merged line (the same SKU twice in the input is one line, quantities summed)
    const bySupplier = new Map<string, Map<string, ShortageLine>>();
    for (const line of shortages) {
      const open = ledger.open[ledgerKey(line.supplier, line.sku)];
      if (open && open.runKey !== runKey && isStillOpen(open, now, p.reorderCooldownDays)) {
        skipped.push({
          json: {
            sku: line.sku,
            supplier: line.supplier,
            reason: 'already ordered',
            poNumber: open.poNumber,
            orderedAt: open.orderedAt,
            orderedQuantity: open.quantity,
          },
          pairedItem: line.itemIndex,
        });
        continue;
      }
      const lines = bySupplier.get(line.supplier) ?? new Map<string, ShortageLine>();
      const existing = lines.get(line.sku);
      lines.set(line.sku, existing ? { ...existing, quantity: existing.quantity + line.quantity } : line);
      bySupplier.set(line.supplier, lines);
    }

    const date = now.toISOString().slice(0, 10);
    const out: Item[] = [];
    for (const [supplier, lineMap] of [...bySupplier].sort(([a], [b]) => a.localeCompare(b))) {
      const lines = [...lineMap.values()];
      const reused = lines
        .map((l) => ledger.open[ledgerKey(supplier, l.sku)])
        .find((o) => o?.runKey === runKey);
      const poNumber =
        reused?.poNumber ??
        `${p.poPrefix}-${date.replace(/-/g, '')}-${String(++ledger.seq).padStart(4, '0')}`;
      const poLines: PoLine[] = lines.map((l) => ({
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        unitCost: l.unitCostCents / 100,
        // integer cents: no floating-point drift in totals
        lineTotal: (l.unitCostCents * l.quantity) / 100,
      }));
      const totalCents = lines.reduce((sum, l) => sum + l.unitCostCents * l.quantity, 0);
      const po: PurchaseOrder = {
        poNumber,
        supplier,
        date,
        currency: p.currency,
        shopName: p.shopName,
        notes: p.notes,
        lines: poLines,
        total: totalCents / 100,
      };
      for (const l of lines)
        ledger.open[ledgerKey(supplier, l.sku)] = {
          supplier,
          sku: l.sku,
          quantity: l.quantity,
          orderedAt: reused
            ? (ledger.open[ledgerKey(supplier, l.sku)]?.orderedAt ?? now.toISOString())
            : now.toISOString(),
          poNumber,
          runKey,
        };
      const supplierEmail =
        lines.find((l) => l.supplierEmail)?.supplierEmail ?? (supplier.includes('@') ? supplier : undefined);
      out.push({
        json: {
          poNumber,
          supplier,
          ...(supplierEmail ? { supplierEmail } : {}),
          date,
          currency: p.currency,
          lines: poLines as unknown as JsonObject[],
          lineCount: poLines.length,
          total: po.total,
          csv: poCsv(po),
          html: poHtml(po),
        },
      });
    }
    await writeLedger(store, ledger);
    return { main: out, skipped };
  },
});
