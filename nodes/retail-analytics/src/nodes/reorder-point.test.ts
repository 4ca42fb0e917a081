import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { reorderPointNode } from './reorder-point.js';

describe('analytics.reorderPoint', () => {
  it('enriches each item (Heizer & Render variable demand + lead time example, exact z)', async () => {
    // d̄ = 150, σ_d = 16, L = 5, σ_L = 1, 95 % → SS = 1.6448536·√23780 = 253.64902, ROP = 1003.64902
    const result = await runNode({
      node: reorderPointNode,
      items: items({ sku: 'A' }),
      params: {
        averageDailyDemand: 150,
        demandStdDev: 16,
        leadTimeDays: 5,
        leadTimeStdDev: 1,
        serviceLevel: 0.95,
      },
    });
    const [row] = outputJson(result) as Record<string, number>[];
    expect(row!.sku).toBe('A');
    expect(row!.z).toBeCloseTo(1.6448536, 6);
    expect(row!.safetyStock).toBeCloseTo(253.64902, 4);
    expect(row!.reorderPoint).toBeCloseTo(1003.64902, 4);
  });

  it('computes d̄ and σ_d from a demand history field (hand-derived)', async () => {
    // history 2,4,4,4,5,5,7,9: d̄ = 5, s = √(32/7) = 2.138090; L = 4, z(0.9) = 1.2815516
    // SS = 1.2815516·2.138090·2 = 5.480148; ROP = 20 + 5.480148 = 25.480148
    const result = await runNode({
      node: reorderPointNode,
      items: items({ sku: 'B', stats: { daily: [2, 4, 4, '4', 5, 5, 7, 9] } }),
      params: { demandHistoryField: 'stats.daily', leadTimeDays: 4, serviceLevel: 0.9 },
    });
    const [row] = outputJson(result) as Record<string, number>[];
    expect(row!.averageDailyDemand).toBe(5);
    expect(row!.demandStdDev).toBeCloseTo(2.13809, 5);
    expect(row!.safetyStock).toBeCloseTo(5.480148, 5);
    expect(row!.reorderPoint).toBeCloseTo(25.480148, 5);
  });

  it('works without input items as a calculator', async () => {
    const result = await runNode({
      node: reorderPointNode,
      params: { averageDailyDemand: '10', demandStdDev: 0, leadTimeDays: 3 },
    });
    expect(outputJson(result)).toEqual([
      {
        averageDailyDemand: 10,
        demandStdDev: 0,
        z: expect.any(Number),
        leadTimeDemand: 30,
        safetyStock: 0,
        reorderPoint: 30,
      },
    ]);
  });

  it('names the field for bad input: empty history, service level out of bounds, missing demand', async () => {
    await expect(
      runNode({
        node: reorderPointNode,
        items: items({ daily: [] }),
        params: { demandHistoryField: 'daily', leadTimeDays: 2 },
      }),
    ).rejects.toThrow(/demandHistoryField: item 0: "daily" has no demand history/);
    await expect(
      runNode({
        node: reorderPointNode,
        params: { averageDailyDemand: 1, demandStdDev: 1, leadTimeDays: 2, serviceLevel: 1 },
      }),
    ).rejects.toThrow(/serviceLevel/);
    await expect(runNode({ node: reorderPointNode, params: { leadTimeDays: 2 } })).rejects.toThrow(
      /averageDailyDemand/,
    );
    await expect(
      runNode({
        node: reorderPointNode,
        items: items({ d: [1, 'x'] }),
        params: { demandHistoryField: 'd', leadTimeDays: 1 },
      }),
    ).rejects.toThrow(/d\[1\]: item 0: expected a number, got "x"/);
  });
});
