import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { limit } from './limit.js';

describe('core.limit', () => {
  const input = items({ n: 1 }, { n: 2 }, { n: 3 });
  it('keeps the first or last N', async () => {
    expect(outputJson(await runNode({ node: limit, items: input, params: { maxItems: 2 } }))).toEqual([
      { n: 1 },
      { n: 2 },
    ]);
    expect(
      outputJson(await runNode({ node: limit, items: input, params: { maxItems: 2, keep: 'last' } })),
    ).toEqual([{ n: 2 }, { n: 3 }]);
    expect(
      outputJson(await runNode({ node: limit, items: input, params: { maxItems: 0, keep: 'last' } })),
    ).toEqual([]);
    expect(outputJson(await runNode({ node: limit, items: input, params: { maxItems: 10 } }))).toHaveLength(
      3,
    );
  });
});
