import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TIME_CHARS = 8; // 62^8 ms ≈ 6,900 years
const RANDOM_CHARS = 13; // ≈ 77 bits
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * A prefixed id: `ex_` + 21 base62 characters, time-ordered (8 characters of milliseconds, then
 * 13 random ones). Time order keeps B-tree inserts at the right edge of the primary-key index:
 * with fully random ids every insert dirties a random page, and commits get several times slower.
 */
export function newId(prefix: string, nowMs = Date.now()): string {
  let time = '';
  let t = nowMs;
  for (let i = 0; i < TIME_CHARS; i++) {
    time = ALPHABET[t % 62] + time;
    t = Math.floor(t / 62);
  }
  let out = prefix + '_' + time;
  let count = 0;
  while (count < RANDOM_CHARS) {
    if (offset >= pool.length) {
      pool = randomBytes(4096);
      offset = 0;
    }
    const byte = pool[offset++] as number;
    // 248 = 62 * 4: rejecting the rest keeps every character equally likely
    if (byte < 248) {
      out += ALPHABET[byte % 62];
      count += 1;
    }
  }
  return out;
}

/**
 * The same id for the same `key` (e.g. one schedule tick): processes that create the same thing
 * at once collide on the primary key, so exactly one of them wins. Time-ordered like newId.
 */
export function deterministicId(prefix: string, atMs: number, key: string): string {
  let time = '';
  let t = atMs;
  for (let i = 0; i < TIME_CHARS; i++) {
    time = ALPHABET[t % 62] + time;
    t = Math.floor(t / 62);
  }
  const digest = createHash('sha256').update(key).digest();
  let rest = '';
  for (let i = 0; rest.length < RANDOM_CHARS; i++) rest += ALPHABET[(digest[i] as number) % 62];
  return `${prefix}_${time}${rest}`;
}
