import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@shopwire/sdk';
import { getPath, setPath } from './dot-path.js';

describe('dot paths', () => {
  it('reads nested fields and array indexes both ways', () => {
    const data = { order: { lines: [{ sku: 'A' }, { sku: 'B' }] } };
    expect(getPath(data, 'order.lines.1.sku')).toBe('B');
    expect(getPath(data, 'order.lines[0].sku')).toBe('A');
    expect(getPath(data, 'order.missing.x')).toBeUndefined();
    expect(getPath(data, '')).toBe(data);
    expect(getPath({}, 'constructor')).toBeUndefined();
  });

  it('writes nested fields, creating objects, and refuses prototype keys', () => {
    const data: JsonObject = { order: { id: 1 } };
    setPath(data, 'order.total', 5);
    setPath(data, 'customer.email', 'a@b.c');
    expect(data).toEqual({ order: { id: 1, total: 5 }, customer: { email: 'a@b.c' } });
    expect(() => setPath(data, '__proto__.polluted', true)).toThrow(/not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
