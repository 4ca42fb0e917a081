import { describe, expect, it } from 'vitest';
import { nodeOutputs } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';
import { items, outputJson, runNode } from '@shopwire/testing';
import { filter } from './filter.js';

const orders = items({ total: 5 }, { total: 50 }, { total: 500 });

describe('core.filter', () => {
  it('keeps matching items using per-item evaluated conditions', async () => {
    const result = await runNode({
      node: filter,
      items: orders,
      itemParams: orders.map((item) => ({
        conditions: [{ left: item.json.total, operator: 'gte', right: 50 }],
      })),
    });
    expect(outputJson(result)).toEqual([{ total: 50 }, { total: 500 }]);
  });

  it('sends the rest to "discarded" when asked', async () => {
    const params = { outputDiscarded: true, combine: 'or' };
    const result = await runNode({
      node: filter,
      items: orders,
      itemParams: orders.map((item) => ({
        ...params,
        conditions: [
          { left: item.json.total, operator: 'lt', right: 10 },
          { left: item.json.total, operator: 'gt', right: 100 },
        ],
      })),
    });
    expect(outputJson(result, 'main')).toEqual([{ total: 5 }, { total: 500 }]);
    expect(outputJson(result, 'discarded')).toEqual([{ total: 50 }]);
    expect(nodeOutputs(filter as unknown as NodeDefinition, filter.params.parse(params))).toEqual([
      'main',
      'discarded',
    ]);
    expect(nodeOutputs(filter as unknown as NodeDefinition, filter.params.parse({}))).toEqual(['main']);
  });
});
