import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { sort } from './sort.js';

describe('core.sort', () => {
  it('sorts numbers numerically, keeps equal items in order and puts empty values last', async () => {
    const input = items(
      { id: 'a', total: '10' },
      { id: 'b', total: 9 },
      { id: 'c', total: null },
      { id: 'd', total: 10 },
      { id: 'e' },
    );
    const asc = await runNode({ node: sort, items: input, params: { fields: [{ field: 'total' }] } });
    expect(outputJson(asc).map((j) => (j as { id: string }).id)).toEqual(['b', 'a', 'd', 'c', 'e']);
    const desc = await runNode({
      node: sort,
      items: input,
      params: { fields: [{ field: 'total', order: 'desc' }] },
    });
    expect(outputJson(desc).map((j) => (j as { id: string }).id)).toEqual(['a', 'd', 'b', 'c', 'e']);
  });

  it('sorts dates and text, with a second key', async () => {
    const input = items(
      { city: 'Paris', at: '2025-03-01T10:00:00Z' },
      { city: 'berlin', at: '2025-01-01' },
      { city: 'Paris', at: '2024-12-31T23:00:00Z' },
    );
    const result = await runNode({
      node: sort,
      items: input,
      params: { fields: [{ field: 'city' }, { field: 'at', order: 'desc' }] },
    });
    expect(outputJson(result)).toEqual([input[1]!.json, input[0]!.json, input[2]!.json]);
  });

  it('needs at least one field', async () => {
    await expect(runNode({ node: sort, items: [], params: { fields: [] } })).rejects.toThrow(
      /params\.fields/,
    );
  });
});
