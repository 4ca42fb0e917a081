import crypto from 'node:crypto';

export const SESSION_COOKIE = 'shopwire_session';
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
export const API_KEY_PREFIX = 'sw_';

/** 32 random bytes, base64url: the session cookie value. Only its hash is stored. */
export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** `sw_` + 32 random bytes (base64url); `prefix` is what lists show to tell keys apart. */
export function newApiKey(): { key: string; prefix: string } {
  const key = API_KEY_PREFIX + crypto.randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + 6) };
}
