import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@shopwire/sdk';
import { getPath, withPath } from './dot-path.js';

describe('dot paths', () => {
  it('reads nested fields and array indexes both ways', () => {
    const data = { order: { lines: [{ sku: 'A' }, { sku: 'B' }] } };
    expect(getPath(data, 'order.lines.1.sku')).toBe('B');
    expect(getPath(data, 'order.lines[0].sku')).toBe('A');
    expect(getPath(data, 'order.missing.x')).toBeUndefined();
    expect(getPath(data, '')).toBe(data);
    expect(getPath({}, 'constructor')).toBeUndefined();
  });

  it('writes nested fields into a copy, creating objects, and refuses prototype keys', () => {
    const data: JsonObject = { order: { id: 1 }, name: 'x' };
    const once = withPath(data, 'order.total', 5);
    const twice = withPath(once, 'customer.email', 'a@b.c');
    expect(twice).toEqual({ order: { id: 1, total: 5 }, name: 'x', customer: { email: 'a@b.c' } });
    expect(data).toEqual({ order: { id: 1 }, name: 'x' });
    expect(withPath({ order: 'text' }, 'order.id', 2)).toEqual({ order: { id: 2 } });
    expect(() => withPath(data, '__proto__.polluted', true)).toThrow(/not allowed/);
    expect(() => withPath(data, 'a.constructor.prototype.x', true)).toThrow(/not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('copies only the objects and arrays on the path; the rest is shared, never written', () => {
    const lines = [{ sku: 'A' }, { sku: 'B' }];
    const data: JsonObject = { order: { lines, note: { text: 'hi' } }, customer: { id: 7 } };
    const out = withPath(data, 'order.lines[1].qty', 3);
    expect(out).toEqual({
      order: { lines: [{ sku: 'A' }, { sku: 'B', qty: 3 }], note: { text: 'hi' } },
      customer: { id: 7 },
    });
    expect(Array.isArray((out.order as JsonObject).lines)).toBe(true);
    // the source is untouched ...
    expect(lines).toEqual([{ sku: 'A' }, { sku: 'B' }]);
    // ... and what is off the path is the same object, not a copy
    expect(out.customer).toBe(data.customer);
    expect((out.order as JsonObject).note).toBe((data.order as JsonObject).note);
    expect(((out.order as JsonObject).lines as JsonObject[])[0]).toBe(lines[0]);
  });
});
