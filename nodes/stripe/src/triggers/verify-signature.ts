import { createHmac, timingSafeEqual } from 'node:crypto';

/** Stripe's default tolerance between the signed timestamp and now. */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck =
  { ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'stale' };

/** hex(HMAC-SHA256(secret, `${timestamp}.` + payload)): what Stripe puts in each `v1=`. */
export function stripeSignature(options: {
  secret: string;
  timestamp: number;
  payload: Uint8Array | string;
}): string {
  return createHmac('sha256', options.secret)
    .update(`${options.timestamp}.`)
    .update(options.payload)
    .digest('hex');
}

/**
 * Checks a `Stripe-Signature: t=<unix>,v1=<hex>[,v1=…]` header over the RAW body: any v1 may match
 * (secret rotation sends two), compared in constant time; then the timestamp must be within tolerance.
 */
export function verifyStripeSignature(options: {
  header: string | undefined;
  payload: Uint8Array;
  secret: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}): SignatureCheck {
  if (!options.header) return { ok: false, reason: 'missing' };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of options.header.split(',')) {
    const at = part.indexOf('=');
    if (at === -1) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1') signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(
    stripeSignature({ secret: options.secret, timestamp, payload: options.payload }),
    'utf8',
  );
  let matched = false;
  for (const signature of signatures) {
    const given = Buffer.from(signature, 'utf8');
    // compare every candidate (no early exit) so timing reveals nothing about which one matched
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  if (!matched) return { ok: false, reason: 'mismatch' };
  const tolerance = options.toleranceSeconds ?? STRIPE_SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(options.nowSeconds - timestamp) > tolerance) return { ok: false, reason: 'stale' };
  return { ok: true, timestamp };
}
