import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { ifNode } from './if.js';

describe('core.if', () => {
  it('routes items to true and false', async () => {
    const input = items({ sku: 'A-1', stock: 0 }, { sku: 'B-2', stock: 4 }, { sku: 'A-3', stock: 9 });
    const result = await runNode({
      node: ifNode,
      items: input,
      itemParams: input.map(({ json }) => ({
        combine: 'and',
        conditions: [
          { left: json.sku, operator: 'startsWith', right: 'A' },
          { left: json.stock, operator: 'gt', right: 0 },
        ],
      })),
    });
    expect(outputJson(result, 'true')).toEqual([{ sku: 'A-3', stock: 9 }]);
    expect(outputJson(result, 'false')).toEqual([
      { sku: 'A-1', stock: 0 },
      { sku: 'B-2', stock: 4 },
    ]);
  });

  it('rejects an unknown operator when params are validated', async () => {
    await expect(
      runNode({ node: ifNode, items: items({}), params: { conditions: [{ left: 1, operator: 'approx' }] } }),
    ).rejects.toThrow(/params\.conditions\.0\.operator/);
  });
});
