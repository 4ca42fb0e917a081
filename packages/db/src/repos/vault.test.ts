import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addKeyToKeyFile } from '../crypto/rotate-key-file.js';
import { KEY_FILE_NAME, loadOrCreateKeyring } from '../crypto/load-keyring.js';
import { openStore, type ShopwireStore } from '../open-store.js';
import { forEachDialect, pgQuery, randomSchema, TEST_PG_URL, type TestDialect } from '../test-helpers.js';

const dirs: string[] = [];
const stores: ShopwireStore[] = [];
const schemas = new Map<string, string>();
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  for (const s of schemas.values()) await pgQuery(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  schemas.clear();
});

/** one database per data folder: its SQLite file, or a temp PostgreSQL schema */
async function openIn(dialect: TestDialect, dataDir: string) {
  const keyring = loadOrCreateKeyring({ dataDir });
  let schema = schemas.get(dataDir);
  if (dialect === 'postgres' && !schema) schemas.set(dataDir, (schema = randomSchema()));
  const store = await openStore(
    dialect === 'sqlite'
      ? { dialect, file: path.join(dataDir, 'shopwire.db'), keyring }
      : { dialect, connectionString: TEST_PG_URL, schema: schema!, keyring, maxConnections: 4 },
  );
  stores.push(store);
  return store;
}

forEachDialect('vault', (dialect) => {
  const open = (dataDir: string) => openIn(dialect, dataDir);
  describe('key rotation', () => {
    it('re-encrypts in small batches, is resumable, and a running store follows the key file', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
      dirs.push(dataDir);
      const server = await open(dataDir); // plays the running server
      const oldKey = loadOrCreateKeyring({ dataDir }).currentKeyId;
      const ids: string[] = [];
      for (let i = 0; i < 7; i++)
        ids.push(
          (
            await server.credentials.create({
              projectId: 'default',
              name: `c${i}`,
              type: 't',
              data: { token: `secret-${i}` },
            })
          ).id,
        );
      const owner = await server.users.create({
        email: 'o@example.com',
        name: 'O',
        role: 'owner',
        passwordHash: 'x',
      });
      await server.accounts.setTotp(owner.id, { secret: 'JBSWY3DPEHPK3PXP', enabled: true });
      expect(await server.vault.keyUsage()).toEqual({ [oldKey]: 8 });

      const { keyId: newKey, previousKeyIds } = addKeyToKeyFile({ dataDir });
      expect(previousKeyIds).toEqual([oldKey]);
      expect(fs.statSync(path.join(dataDir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);

      const cli = await open(dataDir);
      // one batch, then "interrupted"
      expect(await cli.vault.reencryptBatch({ limit: 3 })).toEqual({ reencrypted: 3, remaining: 5 });
      // the running server reads rows on both keys (reloads the key file on the miss)
      for (const [i, id] of ids.entries())
        expect((await server.credentials.getDecrypted(id))?.data).toEqual({ token: `secret-${i}` });
      // and writes with the new current key once the file changed. Every credential is written:
      // which 3 rows the CLI batch took depends on id order (ids made in one millisecond sort
      // randomly), so after this only the TOTP secret may still be on the old key.
      for (const [i, id] of ids.entries())
        await server.credentials.update(id, { data: { token: i === 6 ? 'secret-6b' : `secret-${i}` } });
      const usage = await server.vault.keyUsage();
      expect(usage[newKey]).toBeGreaterThanOrEqual(ids.length);
      expect(usage[oldKey] ?? 0).toBeLessThanOrEqual(1);

      // a re-run continues where it stopped
      let last = { reencrypted: 0, remaining: 1 };
      while (last.remaining > 0) last = await cli.vault.reencryptBatch({ limit: 2 });
      expect(await cli.vault.keyUsage()).toEqual({ [newKey]: 8 });
      expect((await server.accounts.getTotp(owner.id)).secret).toBe('JBSWY3DPEHPK3PXP');
      expect((await server.credentials.getDecrypted(ids[6]!))?.data).toEqual({ token: 'secret-6b' });
      // the old key stays in the file for decryption
      const file = JSON.parse(fs.readFileSync(path.join(dataDir, KEY_FILE_NAME), 'utf8')) as {
        keyId: string;
        previous: { keyId: string }[];
      };
      expect(file.keyId).toBe(newKey);
      expect(file.previous.map((k) => k.keyId)).toEqual([oldKey]);
    });

    it('refuses to rotate without a key file', () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
      dirs.push(dataDir);
      expect(() => addKeyToKeyFile({ dataDir })).toThrow(/does not exist/);
    });
  });
});
