import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, newTotpSecret, otpauthUrl, totpCode, verifyTotp } from './totp.js';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", 8 digits
const SEED = Buffer.from('12345678901234567890', 'ascii');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vectors', () => {
    for (const [seconds, code] of VECTORS) {
      expect(totpCode({ key: SEED, timeMs: seconds * 1000, digits: 8 })).toBe(code);
    }
  });

  it('matches the RFC 4226 HOTP values', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp({ key: SEED, counter }))).toEqual(expected);
  });

  it('round-trips base32 (RFC 4648 vectors)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('accepts the current step and one step either side, nothing further', () => {
    const secret = base32Encode(SEED);
    const t = 1111111111 * 1000;
    const code = totpCode({ key: SEED, timeMs: t });
    expect(code).toMatch(/^\d{6}$/);
    const step = Math.floor(t / 30000);
    expect(verifyTotp({ secret, code, timeMs: t })).toBe(step);
    expect(verifyTotp({ secret, code, timeMs: t + 30_000 })).toBe(step);
    expect(verifyTotp({ secret, code, timeMs: t - 30_000 })).toBe(step);
    expect(verifyTotp({ secret, code, timeMs: t + 61_000 })).toBeUndefined();
    expect(verifyTotp({ secret, code: '12345', timeMs: t })).toBeUndefined();
    expect(verifyTotp({ secret, code: 'abcdef', timeMs: t })).toBeUndefined();
  });

  it('builds an otpauth URL authenticator apps understand', () => {
    const url = new URL(otpauthUrl({ secret: 'JBSWY3DPEHPK3PXP', account: 'o@example.com' }));
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(url.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(url.pathname)).toContain('Shopwire:o@example.com');
  });
});
