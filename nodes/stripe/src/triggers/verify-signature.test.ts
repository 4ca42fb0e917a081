import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stripeSignature, verifyStripeSignature } from './verify-signature.js';

const secret = 'whsec_test_secret';
const payload = Buffer.from('{\n  "id": "evt_1",\n  "type": "customer.created"\n}');
const t = 1_800_000_000;
const sig = (s = secret, ts = t) => stripeSignature({ secret: s, timestamp: ts, payload });

describe('verifyStripeSignature', () => {
  it('matches the documented scheme hex(HMAC-SHA256(secret, t + "." + body))', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${payload.toString()}`).digest('hex');
    expect(sig()).toBe(expected);
    expect(
      verifyStripeSignature({ header: `t=${t},v1=${expected}`, payload, secret, nowSeconds: t }),
    ).toEqual({
      ok: true,
      timestamp: t,
    });
  });

  it('accepts any matching v1 (secret rotation) and ignores other schemes', () => {
    const header = `t=${t},v1=${sig('whsec_old')},v0=abc,v1=${sig()}`;
    expect(verifyStripeSignature({ header, payload, secret, nowSeconds: t + 10 }).ok).toBe(true);
  });

  it('rejects a wrong secret, a changed body, a missing or malformed header', () => {
    const good = `t=${t},v1=${sig()}`;
    expect(
      verifyStripeSignature({ header: `t=${t},v1=${sig('whsec_other')}`, payload, secret, nowSeconds: t }),
    ).toEqual({ ok: false, reason: 'mismatch' });
    const changed = Buffer.from(payload.toString().replace('evt_1', 'evt_2'));
    expect(verifyStripeSignature({ header: good, payload: changed, secret, nowSeconds: t }).ok).toBe(false);
    expect(verifyStripeSignature({ header: undefined, payload, secret, nowSeconds: t })).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect(verifyStripeSignature({ header: `v1=${sig()}`, payload, secret, nowSeconds: t })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyStripeSignature({ header: `t=${t}`, payload, secret, nowSeconds: t })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(
      verifyStripeSignature({ header: `t=${t},v1=${sig().slice(0, 10)}`, payload, secret, nowSeconds: t }).ok,
    ).toBe(false);
  });

  it('enforces the 300 s tolerance on both sides', () => {
    const header = `t=${t},v1=${sig()}`;
    expect(verifyStripeSignature({ header, payload, secret, nowSeconds: t + 300 }).ok).toBe(true);
    expect(verifyStripeSignature({ header, payload, secret, nowSeconds: t + 301 })).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifyStripeSignature({ header, payload, secret, nowSeconds: t - 301 })).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(
      verifyStripeSignature({ header, payload, secret, nowSeconds: t + 1000, toleranceSeconds: 2000 }).ok,
    ).toBe(true);
  });
});
