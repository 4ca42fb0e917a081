import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { eoqNode } from './eoq.js';

describe('analytics.eoq', () => {
  it('Sharp, Inc. (Heizer & Render): Q* = 200, 5 orders, 50 days, $100 per year', async () => {
    const result = await runNode({
      node: eoqNode,
      items: items({ sku: 'NEEDLE' }),
      params: { annualDemand: 1000, orderCost: 10, holdingCost: 0.5, daysPerYear: 250 },
    });
    const [row] = outputJson(result) as Record<string, unknown>[];
    expect(row).toMatchObject({ sku: 'NEEDLE', ordersPerYear: 5, daysBetweenOrders: 50, notes: [] });
    expect(row!.eoq).toBeCloseTo(200, 10);
    expect(row!.totalAnnualCost).toBeCloseTo(100, 10);
  });

  it('holding cost as a rate × unit cost (hand-derived)', async () => {
    // H = 0.25 · $8 = $2; Q* = √(2·1600·25/2) = √40,000 = 200; TC = 200 + 200 + 8·1600 = 13,200
    const result = await runNode({
      node: eoqNode,
      params: { annualDemand: 1600, orderCost: 25, holdingRate: 0.25, unitCost: 8 },
    });
    const [row] = outputJson(result) as Record<string, number>[];
    expect(row!.holdingCostPerUnit).toBe(2);
    expect(row!.eoq).toBeCloseTo(200, 10);
    expect(row!.totalAnnualCost).toBeCloseTo(13_200, 8);
  });

  it('D = 0 → 0 with a note; no holding cost → a clear error', async () => {
    const zero = outputJson(
      await runNode({ node: eoqNode, params: { annualDemand: 0, orderCost: 5, holdingCost: 1 } }),
    );
    expect(zero[0]).toMatchObject({ eoq: 0, notes: ['annual demand is 0: nothing to order'] });
    await expect(runNode({ node: eoqNode, params: { annualDemand: 10, orderCost: 5 } })).rejects.toThrow(
      /holdingCost: give the holding cost/,
    );
    await expect(
      runNode({ node: eoqNode, params: { annualDemand: 10, orderCost: 5, holdingCost: 0 } }),
    ).rejects.toThrow(/holding cost must be > 0/);
  });
});
