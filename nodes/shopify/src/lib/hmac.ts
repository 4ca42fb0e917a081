import { createHmac, timingSafeEqual } from 'node:crypto';

/** base64(HMAC-SHA256(secret, raw body bytes)): Shopify's X-Shopify-Hmac-Sha256. */
export function shopifyHmac(secret: string, rawBody: Uint8Array): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** Constant-time check of a received X-Shopify-Hmac-Sha256 header against the raw body. */
export function verifyShopifyHmac(options: {
  secret: string;
  rawBody: Uint8Array;
  header: string | undefined;
}): boolean {
  if (!options.header) return false;
  const expected = Buffer.from(shopifyHmac(options.secret, options.rawBody), 'base64');
  const given = Buffer.from(options.header.trim(), 'base64');
  // lengths differ → not equal; timingSafeEqual needs equal lengths
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
