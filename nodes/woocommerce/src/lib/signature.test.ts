import { describe, expect, it } from 'vitest';
import { isCreationPing, verifyWooSignature, wooSignature } from './signature.js';

const body = new TextEncoder().encode('{"id":727,"status":"processing"}');

describe('WooCommerce webhook signature', () => {
  it('is base64 HMAC-SHA256 of the raw body', () => {
    // printf '%s' '{"id":727,"status":"processing"}' | openssl dgst -sha256 -hmac s3cret -binary | base64
    expect(wooSignature('s3cret', body)).toBe('CBGQM/uSsZa0es2U4cfBfxFah8cclSEsqTSIiiel8PQ=');
  });

  it('verifies in constant time and rejects wrong or missing signatures', () => {
    const header = wooSignature('s3cret', body);
    expect(verifyWooSignature({ secret: 's3cret', rawBody: body, header })).toBe(true);
    expect(verifyWooSignature({ secret: 'other', rawBody: body, header })).toBe(false);
    expect(verifyWooSignature({ secret: 's3cret', rawBody: body, header: undefined })).toBe(false);
    expect(verifyWooSignature({ secret: 's3cret', rawBody: body, header: 'AAAA' })).toBe(false);
  });

  it('recognises the unsigned creation ping only', () => {
    const ping = new TextEncoder().encode('webhook_id=12');
    expect(isCreationPing(ping, {})).toBe(true);
    expect(isCreationPing(ping, { 'x-wc-webhook-signature': 'x' })).toBe(false);
    expect(isCreationPing(body, {})).toBe(false);
  });
});
