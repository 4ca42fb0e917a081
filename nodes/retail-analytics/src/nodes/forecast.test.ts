import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { forecastNode } from './forecast.js';

describe('analytics.forecast', () => {
  it('SES per item from a list field (Heizer & Render Port of Baltimore, α = .10 → 178.60)', async () => {
    const result = await runNode({
      node: forecastNode,
      items: items({ port: 'Baltimore', tons: [180, 168, 159, 175, 190, 205, 180, 182] }),
      params: { method: 'ses', field: 'tons', alpha: 0.1, h: 2, initialLevel: 175 },
    });
    const [row] = outputJson(result) as { port: string; forecast: { forecast: number[]; n: number } }[];
    expect(row!.port).toBe('Baltimore');
    expect(row!.forecast.n).toBe(8);
    expect(row!.forecast.forecast[0]).toBeCloseTo(178.6, 2);
  });

  it('one value per input item → one summary item (Holt, hand-derived 18.25, 21)', async () => {
    const result = await runNode({
      node: forecastNode,
      items: items({ qty: 10 }, { qty: '12' }, { qty: 17 }),
      params: { method: 'holt', source: 'items', field: 'qty', alpha: 0.5, beta: 0.5, h: 2 },
    });
    expect(outputJson(result)).toEqual([
      {
        field: 'qty',
        method: 'holt',
        alpha: 0.5,
        beta: 0.5,
        forecast: [18.25, 21],
        fitted: [null, 12, 14],
        level: 15.5,
        trend: 2.75,
        n: 3,
      },
    ]);
  });

  it('Croston and SBA default to α = 0.1 (R forecast::croston)', async () => {
    const series = [0, 0, 5, 0, 0, 3, 0, 4];
    const run = (method: string) =>
      runNode({
        node: forecastNode,
        items: items({ sales: series }),
        params: { method, field: 'sales', h: 1 },
      });
    const [c] = outputJson(await run('croston')) as { forecast: { alpha: number; forecast: number[] } }[];
    const [s] = outputJson(await run('sba')) as { forecast: { forecast: number[] } }[];
    expect(c!.forecast.alpha).toBe(0.1);
    expect(c!.forecast.forecast[0]).toBeCloseTo(4.72 / 2.9, 12);
    expect(s!.forecast.forecast[0]).toBeCloseTo(0.95 * (4.72 / 2.9), 12);
  });

  it('SES defaults to α = 0.2; all-zero demand forecasts 0; one value is flat', async () => {
    const result = await runNode({
      node: forecastNode,
      items: items({ s: [0, 0, 0, 0] }, { s: [9] }),
      itemParams: [
        { method: 'croston', field: 's', h: 2 },
        { method: 'ses', field: 's', h: 2 },
      ],
    });
    const rows = outputJson(result) as { forecast: { alpha: number; forecast: number[] } }[];
    expect(rows[0]!.forecast.forecast).toEqual([0, 0]);
    expect(rows[1]!.forecast.forecast).toEqual([9, 9]);
    expect(rows[1]!.forecast.alpha).toBe(0.2);
  });

  it('no history → error naming the field; text or negatives → clear errors', async () => {
    await expect(
      runNode({ node: forecastNode, items: items({ sku: 'X' }), params: { field: 'sales.daily' } }),
    ).rejects.toThrow(/field: item 0: "sales.daily" has no history/);
    await expect(
      runNode({ node: forecastNode, items: [], params: { source: 'items', field: 'qty' } }),
    ).rejects.toThrow(/"qty" has no history/);
    await expect(
      runNode({ node: forecastNode, items: items({ s: 'abc' }), params: { field: 's' } }),
    ).rejects.toThrow(/not a list of numbers/);
    await expect(
      runNode({
        node: forecastNode,
        items: items({ s: [1, -1] }),
        params: { method: 'croston', field: 's' },
      }),
    ).rejects.toThrow(/demand must be ≥ 0/);
    await expect(runNode({ node: forecastNode, params: { field: 's', alpha: 1.5 } })).rejects.toThrow(
      /alpha/,
    );
  });
});
