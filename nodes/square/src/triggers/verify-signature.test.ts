import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { squareSignature, verifySquareSignature } from './verify-signature.js';

const signatureKey = 'sq-signature-key';
const notificationUrl = 'https://shop.example.test/webhook/square';
const payload = Buffer.from('{"merchant_id":"M1","type":"order.created","event_id":"e1"}');

describe('verifySquareSignature', () => {
  it('is base64(HMAC-SHA256(key, url + body)) with no separator', () => {
    const expected = createHmac('sha256', signatureKey)
      .update(notificationUrl + payload.toString())
      .digest('base64');
    expect(squareSignature({ signatureKey, notificationUrl, payload })).toBe(expected);
    expect(verifySquareSignature({ header: expected, payload, signatureKey, notificationUrl })).toBe(true);
  });

  it('rejects another URL (even a trailing slash), another key, a changed body, a missing header', () => {
    const header = squareSignature({ signatureKey, notificationUrl, payload });
    expect(
      verifySquareSignature({ header, payload, signatureKey, notificationUrl: `${notificationUrl}/` }),
    ).toBe(false);
    expect(verifySquareSignature({ header, payload, signatureKey: 'other', notificationUrl })).toBe(false);
    expect(
      verifySquareSignature({
        header,
        payload: Buffer.from(`${payload.toString()} `),
        signatureKey,
        notificationUrl,
      }),
    ).toBe(false);
    expect(verifySquareSignature({ header: undefined, payload, signatureKey, notificationUrl })).toBe(false);
    expect(
      verifySquareSignature({ header: header.slice(0, -2), payload, signatureKey, notificationUrl }),
    ).toBe(false);
  });
});
