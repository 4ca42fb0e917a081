import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShopwireError } from '@shopwire/sdk';
import { hashSecret } from './hash-secret.js';
import { createKeyring, keyIdFor } from './keyring.js';
import { KEY_FILE_NAME, keyFromEnv, loadOrCreateKeyring } from './load-keyring.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('keyring', () => {
  const key = Buffer.alloc(32, 3);
  const ring = createKeyring({ keys: [{ id: keyIdFor(key), key }] });

  it('round-trips with a fresh 12-byte IV every time', () => {
    const a = ring.encrypt(Buffer.from('secret'), 'cr_1');
    const b = ring.encrypt(Buffer.from('secret'), 'cr_1');
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
    expect(a.keyId).toBe(ring.currentKeyId);
    expect(ring.decrypt(a, 'cr_1').toString()).toBe('secret');
  });

  it('rejects tampered data, a wrong tag, another row (AAD) and a wrong key with DECRYPT_FAILED', () => {
    const enc = ring.encrypt(Buffer.from('secret'), 'cr_1');
    const flipped = Buffer.from(enc.data, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const cases = [
      () => ring.decrypt({ ...enc, data: flipped.toString('base64') }, 'cr_1'),
      () => ring.decrypt({ ...enc, tag: Buffer.alloc(16).toString('base64') }, 'cr_1'),
      () => ring.decrypt(enc, 'cr_2'),
      () => createKeyring({ keys: [{ id: enc.keyId, key: Buffer.alloc(32, 9) }] }).decrypt(enc, 'cr_1'),
    ];
    for (const run of cases) {
      expect(run).toThrow(ShopwireError);
      expect(run).toThrow(/failed authentication/);
    }
    expect(() => createKeyring({ keys: [{ id: 'other', key }] }).decrypt(enc, 'cr_1')).toThrow(/not loaded/);
  });

  it('requires 32-byte keys', () => {
    expect(() => createKeyring({ keys: [{ id: 'k', key: Buffer.alloc(16) }] })).toThrow(/32 bytes/);
  });
});

describe('loadOrCreateKeyring', () => {
  it('creates the key file with mode 0600 once and reuses it', () => {
    const dir = path.join(tempDir(), 'data');
    const first = loadOrCreateKeyring({ dataDir: dir });
    const file = path.join(dir, KEY_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { keyId: string; key: string };
    expect(stored.keyId).toBe(first.currentKeyId);
    expect(Buffer.from(stored.key, 'base64')).toHaveLength(32);

    const second = loadOrCreateKeyring({ dataDir: dir });
    expect(second.currentKeyId).toBe(first.currentKeyId);
    expect(second.decrypt(first.encrypt(Buffer.from('x'))).toString()).toBe('x');
  });

  it('rejects a broken key file clearly', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, KEY_FILE_NAME), '{"keyId":"k","key":"c2hvcnQ="}');
    expect(() => loadOrCreateKeyring({ dataDir: dir })).toThrow(/must hold/);
  });

  it('accepts the env key as hex, base64 or a passphrase and ignores the key file', () => {
    const dir = tempDir();
    const raw = Buffer.alloc(32, 5);
    const hex = loadOrCreateKeyring({ dataDir: dir, envKey: raw.toString('hex') });
    const b64 = loadOrCreateKeyring({ dataDir: dir, envKey: raw.toString('base64') });
    expect(hex.currentKeyId).toBe(keyIdFor(raw));
    expect(b64.currentKeyId).toBe(hex.currentKeyId);
    expect(b64.decrypt(hex.encrypt(Buffer.from('y'))).toString()).toBe('y');

    const pass1 = loadOrCreateKeyring({ dataDir: dir, envKey: 'correct horse battery staple' });
    const pass2 = loadOrCreateKeyring({ dataDir: dir, envKey: 'correct horse battery staple' });
    expect(pass1.currentKeyId).toBe(pass2.currentKeyId);
    expect(pass1.currentKeyId).not.toBe(hex.currentKeyId);
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
  });

  it('rejects a short passphrase with a message that says what to do', () => {
    expect(() => keyFromEnv('short')).toThrow(/at least 16 characters/);
    expect(() => loadOrCreateKeyring({ dataDir: tempDir(), envKey: 'tooshort' })).toThrow(
      /SHOPWIRE_ENCRYPTION_KEY/,
    );
  });
});

describe('hashSecret', () => {
  it('is sha256 hex', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
