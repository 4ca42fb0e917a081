import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { set } from './set.js';

describe('core.set', () => {
  it('converts types, writes dot paths and keeps other fields', async () => {
    const result = await runNode({
      node: set,
      items: items({ id: 1, keep: 'x' }),
      params: {
        fields: [
          { name: 'order.total', value: '42.50', type: 'number' },
          { name: 'order.paid', value: 'yes', type: 'boolean' },
          { name: 'label', value: 7, type: 'string' },
          { name: 'meta', value: '{"a":[1,2]}', type: 'json' },
          { name: 'raw', value: '12', type: 'auto' },
        ],
      },
    });
    expect(outputJson(result)).toEqual([
      { id: 1, keep: 'x', order: { total: 42.5, paid: true }, label: '7', meta: { a: [1, 2] }, raw: '12' },
    ]);
  });

  it('never changes the items it was given (they may be stored or used by another branch)', async () => {
    const input = items({ order: { id: 1, lines: [{ sku: 'A' }] }, tags: ['x'] });
    const before = structuredClone(input);
    const result = await runNode({
      node: set,
      items: input,
      params: {
        fields: [
          { name: 'order.total', value: 5, type: 'number' },
          { name: 'order.lines[0].qty', value: 2, type: 'number' },
        ],
      },
    });
    expect(input).toEqual(before);
    expect(outputJson(result)).toEqual([
      { order: { id: 1, total: 5, lines: [{ sku: 'A', qty: 2 }] }, tags: ['x'] },
    ]);
  });

  it('uses per-item params and can drop other fields', async () => {
    const result = await runNode({
      node: set,
      items: items({ price: 2 }, { price: 3 }),
      itemParams: [
        { includeOtherFields: false, fields: [{ name: 'double', value: 4 }] },
        { includeOtherFields: false, fields: [{ name: 'double', value: 6 }] },
      ],
    });
    expect(outputJson(result)).toEqual([{ double: 4 }, { double: 6 }]);
    expect((result as { pairedItem?: number }[]).map((item) => item.pairedItem)).toEqual([0, 1]);
  });

  it('names the field and item when a number conversion fails', async () => {
    const run = runNode({
      node: set,
      items: items({}, {}),
      itemParams: [
        { fields: [{ name: 'qty', value: '3', type: 'number' }] },
        { fields: [{ name: 'qty', value: 'three', type: 'number' }] },
      ],
    });
    await expect(run).rejects.toThrow(
      /fields\.0\.value: cannot convert "three" to number \(field "qty", item 1\)/,
    );
    await expect(run).rejects.toMatchObject({ itemIndex: 1 });
  });

  it('rejects a bad json value and does not mutate the input item', async () => {
    const input = items({ a: { b: 1 } });
    await runNode({ node: set, items: input, params: { fields: [{ name: 'a.b', value: 2 }] } });
    expect(input[0]!.json).toEqual({ a: { b: 1 } });
    await expect(
      runNode({ node: set, items: input, params: { fields: [{ name: 'x', value: '{oops', type: 'json' }] } }),
    ).rejects.toThrow(/fields\.0\.value: cannot convert/);
  });
});
