import { NodeError, defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { ledgerKey, readLedger, writeLedger } from '../ledger.js';

const params = z.object({
  sku: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({ title: 'SKU', ui: { placeholder: '{{ $json.sku }}' } }),
  supplier: z
    .string()
    .trim()
    .max(320)
    .default('')
    .meta({ title: 'Supplier', description: 'Empty: clear the SKU’s open order with every supplier' }),
});

export const markReceived = defineNode({
  type: 'supplierPo.markReceived',
  version: 1,
  displayName: 'Mark Purchase Order Received',
  description:
    'Clears the open order recorded by "Build Supplier Purchase Orders" for each item’s SKU, so it can be re-ordered at once when it runs low again.',
  kind: 'transform',
  group: 'Retail',
  icon: 'package-check',
  params,
  idempotent: true,
  sampleOutput: [
    {
      json: {
        sku: 'SW-CAN-002',
        supplier: 'orders@makers-collective.test',
        cleared: true,
        poNumber: 'PO-20250816-0001',
        orderedQuantity: 24,
      },
    },
  ],
  run: async (ctx) => {
    // the ledger is written by another node: only workflow-wide state can reach it
    if (!ctx.workflowState)
      throw new NodeError(
        'This engine has no workflow-wide node state (ctx.workflowState), which Mark Received needs to clear what Build Purchase Orders recorded',
        { code: 'UNSUPPORTED' },
      );
    const ledger = await readLedger(ctx.workflowState);
    const out: Item[] = [];
    const count = Math.max(ctx.items.length, 1);
    for (let i = 0; i < count; i++) {
      const p = ctx.itemParams[i] ?? ctx.params;
      const keys = Object.keys(ledger.open).filter((key) => {
        const order = ledger.open[key]!;
        return order.sku === p.sku && (!p.supplier || key === ledgerKey(p.supplier, p.sku));
      });
      if (keys.length === 0)
        out.push({
          json: { sku: p.sku, ...(p.supplier ? { supplier: p.supplier } : {}), cleared: false },
          pairedItem: i,
        });
      for (const key of keys) {
        const order = ledger.open[key]!;
        delete ledger.open[key];
        out.push({
          json: {
            sku: p.sku,
            supplier: order.supplier,
            cleared: true,
            poNumber: order.poNumber,
            orderedQuantity: order.quantity,
            orderedAt: order.orderedAt,
          },
          pairedItem: i,
        });
      }
    }
    await writeLedger(ctx.workflowState, ledger);
    return out;
  },
});
