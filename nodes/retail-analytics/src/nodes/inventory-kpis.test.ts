import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { inventoryKpisNode } from './inventory-kpis.js';

describe('analytics.inventoryKpis', () => {
  it('enriches each item with its own resolved params', async () => {
    // item 0: 120,000 / 30,000 = 4 turns, 365/4 = 91.25 days; 50/200 → 25 %; 40/4 = 10 days
    // item 1: no sales data → nulls with notes
    const result = await runNode({
      node: inventoryKpisNode,
      items: items({ sku: 'A' }, { sku: 'B' }),
      itemParams: [
        {
          cogs: 120_000,
          averageInventory: 30_000,
          unitsSold: 50,
          unitsReceived: 200,
          onHand: 40,
          averageDailyDemand: 4,
        },
        { onHand: 12, averageDailyDemand: 0 },
      ],
    });
    expect(outputJson(result)).toEqual([
      {
        sku: 'A',
        averageInventory: 30_000,
        inventoryTurnover: 4,
        daysOfInventory: 91.25,
        sellThroughPercent: 25,
        daysOfCover: 10,
        notes: [],
      },
      {
        sku: 'B',
        averageInventory: null,
        inventoryTurnover: null,
        daysOfInventory: null,
        sellThroughPercent: null,
        daysOfCover: null,
        notes: [
          'inventoryTurnover: COGS not given',
          'sellThroughPercent: units sold not given',
          'daysOfCover: average daily demand is 0',
        ],
      },
    ]);
  });

  it('rejects a non-numeric param naming it', async () => {
    await expect(runNode({ node: inventoryKpisNode, params: { cogs: 'lots' } })).rejects.toThrow(/cogs/);
  });
});
