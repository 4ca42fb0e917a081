import { createHmac, timingSafeEqual } from 'node:crypto';

/** base64(HMAC-SHA256(signatureKey, notificationUrl + rawBody)): no separator, the URL byte-exact. */
export function squareSignature(options: {
  signatureKey: string;
  notificationUrl: string;
  payload: Uint8Array | string;
}): string {
  return createHmac('sha256', options.signatureKey)
    .update(options.notificationUrl, 'utf8')
    .update(options.payload)
    .digest('base64');
}

/** Checks `x-square-hmacsha256-signature` over the RAW body in constant time. */
export function verifySquareSignature(options: {
  header: string | undefined;
  payload: Uint8Array;
  signatureKey: string;
  notificationUrl: string;
}): boolean {
  if (!options.header) return false;
  const expected = Buffer.from(squareSignature(options), 'utf8');
  const given = Buffer.from(options.header.trim(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
