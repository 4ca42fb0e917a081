import { describe, expect, it } from 'vitest';
import { decodeStripeForm, fingerprint } from './form.js';

describe('decodeStripeForm', () => {
  it('reads nested keys, lists and appended [] values', () => {
    const text =
      'mode=payment&line_items[0][price]=price_1&line_items[0][quantity]=2&line_items[1][price_data][product_data][name]=Gift%20wrap&metadata[order]=A1&expand[]=line_items&expand[]=customer';
    expect(decodeStripeForm(text)).toEqual({
      mode: 'payment',
      line_items: [
        { price: 'price_1', quantity: '2' },
        { price_data: { product_data: { name: 'Gift wrap' } } },
      ],
      metadata: { order: 'A1' },
      expand: ['line_items', 'customer'],
    });
  });

  it('fingerprints params independently of key order', () => {
    expect(fingerprint('POST', '/v1/x', decodeStripeForm('a=1&b=2'))).toBe(
      fingerprint('POST', '/v1/x', decodeStripeForm('b=2&a=1')),
    );
    expect(fingerprint('POST', '/v1/x', decodeStripeForm('a=1'))).not.toBe(
      fingerprint('POST', '/v1/x', decodeStripeForm('a=2')),
    );
  });
});
