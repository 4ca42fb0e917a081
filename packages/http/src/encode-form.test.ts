import { describe, expect, it } from 'vitest';
import { encodeForm } from './encode-form.js';

describe('encodeForm', () => {
  it('encodes nested objects and arrays Stripe-style', () => {
    const encoded = encodeForm({
      amount: 1000,
      metadata: { order: 'A 1' },
      items: [{ price: 'p_1', qty: 2 }],
      skip: undefined,
      unset: null,
    });
    expect(decodeURIComponent(encoded)).toBe(
      'amount=1000&metadata[order]=A+1&items[0][price]=p_1&items[0][qty]=2&unset=',
    );
    expect(new URLSearchParams(encoded).get('items[0][qty]')).toBe('2');
  });
});
