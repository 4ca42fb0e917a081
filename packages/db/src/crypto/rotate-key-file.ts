import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ShopwireError } from '@shopwire/sdk';
import { keyIdFor } from './keyring.js';
import { KEY_FILE_NAME, readKeyFile } from './load-keyring.js';

/**
 * Adds a new current key to `<dataDir>/encryption-key.json`; the old ones move to `previous`
 * (kept for decryption). Atomic: written to a temp file (0600) and renamed over the old one, so
 * readers see either the old file or the new one.
 */
export function addKeyToKeyFile(options: { dataDir: string }): { keyId: string; previousKeyIds: string[] } {
  const file = path.join(options.dataDir, KEY_FILE_NAME);
  const existing = readKeyFile(file);
  if (!existing)
    throw new ShopwireError(
      'INVALID_KEY',
      `${file} does not exist: start the server once (it creates the key) before rotating`,
    );
  const key = randomBytes(32);
  const keyId = keyIdFor(key);
  const previous = [existing.current, ...existing.previous].filter(
    (k, i, all) => all.findIndex((o) => o.id === k.id) === i,
  );
  const record = {
    keyId,
    key: key.toString('base64'),
    previous: previous.map((k) => ({ keyId: k.id, key: k.key.toString('base64') })),
  };
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(record, null, 2) + '\n', { mode: 0o600, flag: 'w' });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
  return { keyId, previousKeyIds: previous.map((k) => k.id) };
}
