import { ValidationError } from '@shopwire/sdk';
import { describe, expect, it } from 'vitest';
import { numericId, toGid } from './gid.js';

describe('toGid', () => {
  it('converts numeric ids and keeps GIDs of the right type', () => {
    expect(toGid('Order', 123, 'orderId')).toBe('gid://shopify/Order/123');
    expect(toGid('Order', ' 77 ', 'orderId')).toBe('gid://shopify/Order/77');
    expect(toGid('Order', 'gid://shopify/Order/9', 'orderId')).toBe('gid://shopify/Order/9');
  });

  it('rejects other types and garbage, naming the field', () => {
    expect(() => toGid('Order', 'gid://shopify/Product/9', 'orderId')).toThrow(ValidationError);
    try {
      toGid('Customer', 'abc', 'customerId');
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).field).toBe('customerId');
    }
  });

  it('extracts the numeric part', () => {
    expect(numericId('gid://shopify/InventoryItem/42')).toBe('42');
    expect(numericId('nope')).toBeUndefined();
  });
});
