import crypto from 'node:crypto';

/**
 * TOTP (RFC 6238) on HOTP (RFC 4226): HMAC-SHA1, 30-second steps, 6 digits, accepting one step
 * of clock drift either way. Secrets are 20 random bytes, shown to the user as base32.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index === -1) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** HOTP value of one counter (RFC 4226 dynamic truncation). */
export function hotp(options: {
  key: Buffer;
  counter: number;
  digits?: number;
  algorithm?: 'sha1' | 'sha256' | 'sha512';
}): string {
  const digits = options.digits ?? TOTP_DIGITS;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(options.counter));
  const mac = crypto
    .createHmac(options.algorithm ?? 'sha1', options.key)
    .update(counter)
    .digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpStep(timeMs: number): number {
  return Math.floor(timeMs / 1000 / TOTP_STEP_SECONDS);
}

export function totpCode(options: {
  key: Buffer;
  timeMs: number;
  digits?: number;
  algorithm?: 'sha1' | 'sha256' | 'sha512';
}): string {
  return hotp({ ...options, counter: totpStep(options.timeMs) });
}

/** The time step the code matches (now ±1 step), or undefined. Constant-time comparison. */
export function verifyTotp(options: { secret: string; code: string; timeMs: number }): number | undefined {
  const code = options.code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) return undefined;
  let key: Buffer;
  try {
    key = base32Decode(options.secret);
  } catch {
    return undefined;
  }
  const now = totpStep(options.timeMs);
  let matched: number | undefined;
  for (const step of [now - 1, now, now + 1]) {
    const expected = Buffer.from(hotp({ key, counter: step }));
    if (crypto.timingSafeEqual(expected, Buffer.from(code)) && matched === undefined) matched = step;
  }
  return matched;
}

export function newTotpSecret(): string {
  return base32Encode(crypto.randomBytes(20));
}

export function otpauthUrl(options: { secret: string; account: string; issuer?: string }): string {
  const issuer = options.issuer ?? 'Shopwire';
  const label = encodeURIComponent(`${issuer}:${options.account}`);
  const params = new URLSearchParams({
    secret: options.secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
