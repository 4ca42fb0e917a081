import { describe, expect, it } from 'vitest';
import { flatten } from './flatten.js';

describe('flatten', () => {
  it('turns connections into arrays and adds legacy ids', () => {
    expect(
      flatten({
        id: 'gid://shopify/Product/5',
        variants: { nodes: [{ id: 'gid://shopify/ProductVariant/7', sku: 'A' }] },
      }),
    ).toEqual({
      id: 'gid://shopify/Product/5',
      legacyId: '5',
      variants: [{ id: 'gid://shopify/ProductVariant/7', legacyId: '7', sku: 'A' }],
    });
    expect(flatten(null)).toBeNull();
    expect(flatten({ customer: null })).toEqual({ customer: null });
  });
});
