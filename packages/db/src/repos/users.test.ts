import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '@shopwire/sdk';
import { hashSecret } from '../crypto/hash-secret.js';
import { forEachDialect, tempStore, type TempStore } from '../test-helpers.js';

forEachDialect('users', (dialect) => {
  let t: TempStore;
  beforeEach(async () => {
    t = await tempStore({ dialect });
  });
  afterEach(() => t.cleanup());

  describe('users', () => {
    it('creates, counts and finds users (email case-insensitive)', async () => {
      expect(await t.store.users.count()).toBe(0);
      const u = await t.store.users.create({
        email: 'Ann@Shop.test',
        name: 'Ann',
        role: 'owner',
        passwordHash: 'h',
      });
      expect(u.email).toBe('ann@shop.test');
      expect(await t.store.users.count()).toBe(1);
      await t.store.users.create({ email: 'bo@shop.test', name: 'Bo', role: 'editor', passwordHash: 'h' });
      expect((await t.store.users.list()).map((x) => x.email).sort()).toEqual([
        'ann@shop.test',
        'bo@shop.test',
      ]);
      expect(await t.store.users.getById(u.id)).toEqual(u);
      expect(await t.store.users.getByEmail('ANN@shop.test')).toEqual(u);
      expect(await t.store.users.getByEmail('nobody@shop.test')).toBeUndefined();
      await expect(
        t.store.users.create({ email: 'ann@shop.test', name: 'A2', role: 'viewer', passwordHash: 'h' }),
      ).rejects.toThrow(ValidationError);
      await expect(
        t.store.users.create({ email: 'x@y', name: 'X', role: 'god' as never, passwordHash: 'h' }),
      ).rejects.toThrow(/role/);
    });
  });

  describe('sessions', () => {
    it('returns the user until expiry and not after delete', async () => {
      const u = await t.store.users.create({ email: 'a@b.c', name: 'A', role: 'admin', passwordHash: 'h' });
      const tokenHash = hashSecret('token');
      await t.store.sessions.create({ tokenHash, userId: u.id, expiresAt: '2030-01-01T00:00:00.000Z' });
      expect((await t.store.sessions.getUser(tokenHash, '2029-12-31T00:00:00.000Z'))?.id).toBe(u.id);
      expect(await t.store.sessions.getUser(tokenHash, '2030-01-01T00:00:00.000Z')).toBeUndefined();
      expect(await t.store.sessions.getUser(hashSecret('other'), '2029-01-01T00:00:00.000Z')).toBeUndefined();
      await t.store.sessions.delete(tokenHash);
      expect(await t.store.sessions.getUser(tokenHash, '2029-12-31T00:00:00.000Z')).toBeUndefined();
    });
  });

  describe('api keys', () => {
    it('authenticates by hash, touches lastUsedAt, and stops after revoke', async () => {
      const u = await t.store.users.create({ email: 'a@b.c', name: 'A', role: 'editor', passwordHash: 'h' });
      const key = await t.store.apiKeys.create({
        name: 'CI',
        userId: u.id,
        keyHash: hashSecret('sw_secret'),
        prefix: 'sw_sec',
      });
      expect(key.lastUsedAt).toBeNull();

      const auth = await t.store.apiKeys.authenticate(hashSecret('sw_secret'), '2026-01-02T03:04:05.000Z');
      expect(auth?.user.id).toBe(u.id);
      expect(auth?.key.lastUsedAt).toBe('2026-01-02T03:04:05.000Z');
      const listed = await t.store.apiKeys.list(u.id);
      expect(listed).toHaveLength(1);
      expect(listed[0]?.lastUsedAt).toBe('2026-01-02T03:04:05.000Z');
      expect(JSON.stringify(listed)).not.toContain(hashSecret('sw_secret'));
      expect(
        await t.store.apiKeys.authenticate(hashSecret('wrong'), '2026-01-02T03:04:05.000Z'),
      ).toBeUndefined();

      expect(await t.store.apiKeys.revoke(key.id)).toBe(true);
      expect(await t.store.apiKeys.revoke(key.id)).toBe(false);
      expect(
        await t.store.apiKeys.authenticate(hashSecret('sw_secret'), '2026-01-03T00:00:00.000Z'),
      ).toBeUndefined();
      expect((await t.store.apiKeys.list())[0]?.revokedAt).not.toBeNull();
      expect(await t.store.apiKeys.list('us_other')).toEqual([]);
    });
  });
});
