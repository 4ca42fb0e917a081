import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ShopwireError } from '@shopwire/sdk';
import { createKeyring, keyIdFor, type Keyring, type KeyringKey } from './keyring.js';

export const KEY_FILE_NAME = 'encryption-key.json';
const MIN_PASSPHRASE_LENGTH = 16;

/**
 * The credentials keyring. With `envKey` (SHOPWIRE_ENCRYPTION_KEY): 32 bytes as base64 or 64 hex
 * characters, or a passphrase of at least 16 characters stretched with HKDF-SHA256. Without it:
 * a random key generated once into `<dataDir>/encryption-key.json` (mode 0600) and reused.
 */
export function loadOrCreateKeyring(options: { dataDir: string; envKey?: string }): Keyring {
  const envKey = options.envKey?.trim();
  if (envKey) {
    const key = keyFromEnv(envKey);
    return createKeyring({ keys: [{ id: keyIdFor(key), key }] });
  }
  const file = path.join(options.dataDir, KEY_FILE_NAME);
  const existing = readKeyFile(file);
  if (existing) return createFileKeyring(file, existing);

  fs.mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  const record = { keyId: keyIdFor(key), key: key.toString('base64') };
  try {
    // 'wx': if another process created it first, use theirs
    fs.writeFileSync(file, JSON.stringify(record, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = readKeyFile(file);
    if (theirs) return createFileKeyring(file, theirs);
  }
  return createFileKeyring(file, { current: { id: record.keyId, key }, previous: [] });
}

export function keyFromEnv(value: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const decoded = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
    if (decoded.length === 32) return decoded;
  }
  if (value.length < MIN_PASSPHRASE_LENGTH) {
    throw new ShopwireError(
      'INVALID_KEY',
      `SHOPWIRE_ENCRYPTION_KEY is too short: use 32 random bytes as base64 or 64 hex characters (e.g. \`openssl rand -hex 32\`), or a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`,
    );
  }
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(value, 'utf8'), 'shopwire-credentials', 'aes-256-gcm key', 32),
  );
}

/** The key file: the current key at the top level, older keys (kept for decryption) in `previous`. */
export interface KeyFile {
  current: KeyringKey;
  previous: KeyringKey[];
}

export function readKeyFile(file: string): KeyFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ShopwireError(
      'INVALID_KEY',
      `${file} is not valid JSON: restore it from a backup or set SHOPWIRE_ENCRYPTION_KEY`,
    );
  }
  const { previous } = (parsed ?? {}) as { previous?: unknown };
  return {
    current: keyEntry(parsed, file),
    previous: Array.isArray(previous) ? previous.map((entry) => keyEntry(entry, file)) : [],
  };
}

function keyEntry(value: unknown, file: string): KeyringKey {
  const { keyId, key } = (value ?? {}) as { keyId?: unknown; key?: unknown };
  const bytes = typeof key === 'string' ? Buffer.from(key, 'base64') : Buffer.alloc(0);
  if (typeof keyId !== 'string' || keyId === '' || bytes.length !== 32) {
    throw new ShopwireError('INVALID_KEY', `${file} must hold {"keyId": "...", "key": "<32 bytes base64>"}`);
  }
  return { id: keyId, key: bytes };
}

/**
 * A keyring over the key file that follows `shopwire keys rotate` while the server runs: it
 * re-reads the file when it changed (before encrypting) and whenever a ciphertext names a key it
 * does not hold (decrypt miss), so rows re-encrypted by the CLI stay readable.
 */
export function createFileKeyring(file: string, initial: KeyFile): Keyring {
  const build = (kf: KeyFile) =>
    createKeyring({ keys: [kf.current, ...kf.previous], currentKeyId: kf.current.id });
  let ring = build(initial);
  let stamp = fileStamp(file);
  const refresh = (force: boolean) => {
    const now = fileStamp(file);
    if (!force && now === stamp) return;
    const kf = readKeyFile(file);
    if (kf) ring = build(kf);
    stamp = now;
  };
  return {
    get currentKeyId() {
      refresh(false);
      return ring.currentKeyId;
    },
    hasKey(keyId) {
      if (!ring.hasKey(keyId)) refresh(true);
      return ring.hasKey(keyId);
    },
    encrypt(plain, aad) {
      refresh(false);
      return ring.encrypt(plain, aad);
    },
    decrypt(encrypted, aad) {
      if (!ring.hasKey(encrypted.keyId)) refresh(true);
      return ring.decrypt(encrypted, aad);
    },
  };
}

function fileStamp(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}
