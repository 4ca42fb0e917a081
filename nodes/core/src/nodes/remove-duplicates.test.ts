import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { removeDuplicates } from './remove-duplicates.js';

describe('core.removeDuplicates', () => {
  it('compares whole items regardless of key order', async () => {
    const input = items({ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 1, b: 3 });
    expect(outputJson(await runNode({ node: removeDuplicates, items: input, params: {} }))).toEqual([
      { a: 1, b: 2 },
      { a: 1, b: 3 },
    ]);
  });

  it('compares chosen fields and keeps the first', async () => {
    const input = items(
      { email: 'a@x', id: 1 },
      { email: 'b@x', id: 2 },
      { email: 'a@x', id: 3 },
      { id: 4 },
      { id: 5 },
    );
    const result = await runNode({ node: removeDuplicates, items: input, params: { fields: ['email'] } });
    expect(outputJson(result).map((j) => (j as { id: number }).id)).toEqual([1, 2, 4]);
  });
});
