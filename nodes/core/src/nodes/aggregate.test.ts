import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { aggregateNode } from './aggregate.js';

const sales = items(
  { shop: 'north', sku: 'A', total: '10.5', customer: 'ada' },
  { shop: 'south', sku: 'B', total: 4, customer: 'bob' },
  { shop: 'north', sku: 'B', total: 0.2, customer: 'ada' },
  { shop: 'north', sku: 'C', total: null, customer: 'cy' },
);

describe('core.aggregate', () => {
  it('summarizes per group with every operation', async () => {
    const ops = ['sum', 'count', 'avg', 'min', 'max', 'countDistinct', 'concat', 'first', 'last'];
    const result = await runNode({
      node: aggregateNode,
      items: sales,
      params: {
        groupBy: ['shop'],
        aggregations: [
          ...ops.map((op) => ({ field: 'total', op })),
          { field: 'customer', op: 'countDistinct', as: 'customers' },
          { field: 'sku', op: 'concat', separator: '|', as: 'skus' },
          { op: 'count', as: 'rows' },
        ],
      },
    });
    expect(outputJson(result)).toEqual([
      {
        shop: 'north',
        sum_total: 10.7,
        count_total: 2,
        avg_total: 5.35,
        min_total: 0.2,
        max_total: 10.5,
        countDistinct_total: 2,
        concat_total: '10.5, 0.2',
        first_total: '10.5',
        last_total: 0.2,
        customers: 2,
        skus: 'A|B|C',
        rows: 3,
      },
      {
        shop: 'south',
        sum_total: 4,
        count_total: 1,
        avg_total: 4,
        min_total: 4,
        max_total: 4,
        countDistinct_total: 1,
        concat_total: '4',
        first_total: 4,
        last_total: 4,
        customers: 1,
        skus: 'B',
        rows: 1,
      },
    ]);
  });

  it('gives one total without groupBy, also for no items', async () => {
    expect(
      outputJson(
        await runNode({
          node: aggregateNode,
          items: sales,
          params: { aggregations: [{ field: 'total', op: 'sum', as: 'revenue' }] },
        }),
      ),
    ).toEqual([{ revenue: 14.7 }]);
    expect(
      outputJson(
        await runNode({
          node: aggregateNode,
          items: [],
          params: {
            aggregations: [
              { field: 'total', op: 'sum' },
              { field: 'total', op: 'avg' },
            ],
          },
        }),
      ),
    ).toEqual([{ sum_total: 0, avg_total: null }]);
  });

  it('names the field and item when a sum meets text', async () => {
    const run = runNode({
      node: aggregateNode,
      items: items({ total: 1 }, { total: 'n/a' }),
      params: { aggregations: [{ field: 'total', op: 'sum' }] },
    });
    await expect(run).rejects.toThrow(/field "total" of item 1 is "n\/a", not a number/);
  });

  it('collects a field (or whole items) into a list, per group', async () => {
    expect(
      outputJson(
        await runNode({
          node: aggregateNode,
          items: sales,
          params: { mode: 'collect', collectField: 'sku', into: 'skus' },
        }),
      ),
    ).toEqual([{ skus: ['A', 'B', 'B', 'C'] }]);
    const grouped = outputJson(
      await runNode({
        node: aggregateNode,
        items: sales,
        params: { mode: 'collect', groupBy: ['customer'] },
      }),
    );
    expect(grouped[0]).toEqual({ customer: 'ada', items: [sales[0]!.json, sales[2]!.json] });
    expect(grouped).toHaveLength(3);
  });
});
