import { createHmac, timingSafeEqual } from 'node:crypto';

/** base64(HMAC-SHA256(secret, raw body)): WooCommerce's X-WC-Webhook-Signature. */
export function wooSignature(secret: string, rawBody: Uint8Array | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

export function verifyWooSignature(options: {
  secret: string;
  rawBody: Uint8Array;
  header: string | undefined;
}): boolean {
  if (!options.header) return false;
  const expected = Buffer.from(wooSignature(options.secret, options.rawBody), 'base64');
  const given = Buffer.from(options.header.trim(), 'base64');
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

/** WooCommerce's unsigned creation ping: a form body `webhook_id=N` and no signature. */
export function isCreationPing(rawBody: Uint8Array, headers: Record<string, string>): boolean {
  if (headers['x-wc-webhook-signature']) return false;
  return /^webhook_id=\d+$/.test(new TextDecoder().decode(rawBody).trim());
}
