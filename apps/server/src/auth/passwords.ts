import crypto from 'node:crypto';

/**
 * Password hashing with argon2id (PHC string `$argon2id$v=19$m=19456,t=2,p=1$...`, the OWASP
 * baseline). Hashes from before argon2 (`scrypt$N$r$p$salt$hash`) still verify; `needsRehash`
 * tells login to replace them with argon2id after the next successful login.
 */

// 19 MiB, 2 passes, 1 lane: OWASP's minimum recommendation for argon2id
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;
// Algorithm.Argon2id (a const enum in the typings, which isolated modules can't read)
const ARGON2ID = 2;

/**
 * The native argon2 module, loaded with the first hash or verify: most starts (a webhook-only
 * server, a worker, the CLI) never need it, and loading it costs 10-35 ms and ~5 MB.
 */
let argon2: Promise<typeof import('@node-rs/argon2')> | undefined;
const loadArgon2 = (): Promise<typeof import('@node-rs/argon2')> => (argon2 ??= import('@node-rs/argon2'));

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function scrypt(
  password: string,
  salt: Buffer,
  n: number,
  r: number,
  p: number,
  keyLength: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const { hash } = await loadArgon2();
  return hash(password.normalize('NFKC'), { ...ARGON2_OPTIONS, algorithm: ARGON2ID as never });
}

/** The pre-argon2 format; kept so tests can create legacy hashes. */
export async function hashPasswordScrypt(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password, salt, N, R, P, KEY_LENGTH);
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  if (encoded.startsWith('$argon2')) {
    const { verify } = await loadArgon2();
    try {
      return await verify(encoded, password.normalize('NFKC'));
    } catch {
      return false; // malformed hash
    }
  }
  return verifyScrypt(password, encoded);
}

/** True when the stored hash is not argon2id with the current parameters. */
export function needsRehash(encoded: string): boolean {
  const m = ARGON2_OPTIONS;
  return !encoded.startsWith(`$argon2id$v=19$m=${m.memoryCost},t=${m.timeCost},p=${m.parallelism}$`);
}

async function verifyScrypt(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![n, r, p].every((x) => Number.isInteger(x) && x > 0) || n > 1 << 20) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (expected.length === 0) return false;
  const actual = await scrypt(password, salt, n, r, p, expected.length);
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash to verify against when the user does not exist, so both paths take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  return dummyHash;
}
