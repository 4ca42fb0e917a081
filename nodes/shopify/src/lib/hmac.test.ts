import { describe, expect, it } from 'vitest';
import { shopifyHmac, verifyShopifyHmac } from './hmac.js';

const body = new TextEncoder().encode('{"id":820982911946154508,"email":"jon@example.com"}');

describe('Shopify webhook HMAC', () => {
  it('matches an independently computed value', () => {
    // computed with: printf '%s' "$body" | openssl dgst -sha256 -hmac hush -binary | base64
    expect(shopifyHmac('hush', body)).toBe('D0UMXmhjwBRi4y66TmhJrDlhQABD7zI2fm3p6/QLMo8=');
  });

  it('accepts the right signature and rejects wrong, truncated, or missing ones', () => {
    const header = shopifyHmac('hush', body);
    expect(verifyShopifyHmac({ secret: 'hush', rawBody: body, header })).toBe(true);
    expect(verifyShopifyHmac({ secret: 'other', rawBody: body, header })).toBe(false);
    expect(verifyShopifyHmac({ secret: 'hush', rawBody: body, header: header.slice(0, 10) })).toBe(false);
    expect(verifyShopifyHmac({ secret: 'hush', rawBody: body, header: undefined })).toBe(false);
    const tampered = new TextEncoder().encode('{"id":820982911946154509,"email":"jon@example.com"}');
    expect(verifyShopifyHmac({ secret: 'hush', rawBody: tampered, header })).toBe(false);
  });
});
