import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '@shopwire/sdk';
import { forEachDialect, tempStore, testKeyring, type TempStore } from '../test-helpers.js';

forEachDialect('credentials', (dialect) => {
  let t: TempStore;
  afterEach(() => t.cleanup());

  const SECRET = 'shpat_SuperSecretToken_1234567890';

  describe('credentials', () => {
    it('encrypts at rest: neither the database file nor list/get contain the secret', async () => {
      t = await tempStore({ dialect });
      const cred = await t.store.credentials.create({
        projectId: 'default',
        name: 'Shop',
        type: 'shopifyApi',
        data: { accessToken: SECRET, shop: 'acme' },
      });
      expect(cred).toEqual({
        id: cred.id,
        projectId: 'default',
        name: 'Shop',
        type: 'shopifyApi',
        createdAt: cred.createdAt,
        updatedAt: cred.updatedAt,
      });
      expect(JSON.stringify(await t.store.credentials.list())).not.toContain(SECRET);
      expect(JSON.stringify(await t.store.credentials.get(cred.id))).not.toContain('acme');
      await t.store.close();
      for (const file of [t.file, `${t.file}-wal`]) {
        if (fs.existsSync(file)) expect(fs.readFileSync(file).includes(Buffer.from(SECRET))).toBe(false);
      }
      expect(JSON.stringify(await t.exec('select * from credentials'))).not.toContain(SECRET);
      const [row = {}] = await t.exec<Record<string, string>>(
        'select key_id, iv, tag, data from credentials',
      );
      expect(row['key_id']).toBe(t.keyring.currentKeyId);
      expect(Buffer.from(row['iv']!, 'base64')).toHaveLength(12);
      await t.reopen();
      expect((await t.store.credentials.getDecrypted(cred.id))?.data).toEqual({
        accessToken: SECRET,
        shop: 'acme',
      });
    });

    it('update renames and re-encrypts; list filters by project; delete', async () => {
      t = await tempStore({ dialect });
      const a = await t.store.credentials.create({
        projectId: 'default',
        name: 'A',
        type: 'smtp',
        data: { password: 'one' },
      });
      await t.store.credentials.create({ projectId: 'p2', name: 'B', type: 'smtp', data: {} });
      const renamed = await t.store.credentials.update(a.id, { name: 'A2' });
      expect(renamed.name).toBe('A2');
      expect((await t.store.credentials.getDecrypted(a.id))?.data).toEqual({ password: 'one' });
      await t.store.credentials.update(a.id, { data: { password: 'two' } });
      expect((await t.store.credentials.getDecrypted(a.id))?.data).toEqual({ password: 'two' });
      expect((await t.store.credentials.list('default')).map((c) => c.name)).toEqual(['A2']);
      expect(await t.store.credentials.list()).toHaveLength(2);
      await expect(t.store.credentials.update('cr_nope', { name: 'x' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        t.store.credentials.create({ projectId: 'default', name: 'x', type: 't', data: [] as never }),
      ).rejects.toThrow(ValidationError);
      expect(await t.store.credentials.delete(a.id)).toBe(true);
      expect(await t.store.credentials.getDecrypted(a.id)).toBeUndefined();
    });

    it('a wrong key or tampered ciphertext fails with a clear error, and the rest keeps working', async () => {
      t = await tempStore({ dialect });
      const cred = await t.store.credentials.create({
        projectId: 'default',
        name: 'Shop',
        type: 'shopifyApi',
        data: { accessToken: SECRET },
      });
      const other = await t.store.credentials.create({
        projectId: 'default',
        name: 'Other',
        type: 'smtp',
        data: { password: 'p' },
      });

      await t.reopen({ keyring: testKeyring(2) });
      await expect(t.store.credentials.getDecrypted(cred.id)).rejects.toMatchObject({
        code: 'DECRYPT_FAILED',
      });
      await expect(t.store.credentials.getDecrypted(cred.id)).rejects.toThrow(
        /cannot be decrypted.*not loaded/,
      );
      expect(await t.store.credentials.list()).toHaveLength(2);

      await t.reopen({ keyring: t.keyring });
      const [row] = await t.exec<{ data: string }>('select data from credentials where id = ?', [cred.id]);
      const bytes = Buffer.from(row?.data ?? '', 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 0xff;
      await t.exec('update credentials set data = ? where id = ?', [bytes.toString('base64'), cred.id]);
      await expect(t.store.credentials.getDecrypted(cred.id)).rejects.toThrow(/failed authentication/);
      expect((await t.store.credentials.getDecrypted(other.id))?.data).toEqual({ password: 'p' });
    });

    it('a ciphertext copied onto another credential row does not decrypt', async () => {
      t = await tempStore({ dialect });
      const a = await t.store.credentials.create({
        projectId: 'default',
        name: 'A',
        type: 't',
        data: { k: 'a' },
      });
      const b = await t.store.credentials.create({
        projectId: 'default',
        name: 'B',
        type: 't',
        data: { k: 'b' },
      });
      const [row = {}] = await t.exec<Record<string, string>>(
        'select key_id, iv, tag, data from credentials where id = ?',
        [a.id],
      );
      await t.exec('update credentials set key_id = ?, iv = ?, tag = ?, data = ? where id = ?', [
        row['key_id'],
        row['iv'],
        row['tag'],
        row['data'],
        b.id,
      ]);
      await expect(t.store.credentials.getDecrypted(b.id)).rejects.toMatchObject({ code: 'DECRYPT_FAILED' });
    });
  });
});
