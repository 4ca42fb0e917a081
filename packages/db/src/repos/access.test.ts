import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachDialect, tempStore, type TempStore } from '../test-helpers.js';

forEachDialect('access', (dialect) => {
  let t: TempStore;
  beforeEach(async () => {
    t = await tempStore({ dialect });
  });
  afterEach(async () => {
    await t.cleanup();
  });

  async function user(email: string, role: 'owner' | 'admin' | 'editor' | 'viewer' = 'editor') {
    return t.store.users.create({ email, name: email, role, passwordHash: 'x' });
  }

  describe('projects repo', () => {
    it('creates projects, adds, changes and removes members', async () => {
      const alice = await user('alice@example.com');
      const shop = await t.store.projects.create({ name: '  Shop 2 ' });
      expect(shop.name).toBe('Shop 2');
      expect((await t.store.projects.list()).map((p) => p.id)).toEqual(['default', shop.id]);
      await t.store.projects.setMember(shop.id, alice.id, 'viewer');
      expect(await t.store.projects.memberRole(shop.id, alice.id)).toBe('viewer');
      await t.store.projects.setMember(shop.id, alice.id, 'editor');
      expect(await t.store.projects.members(shop.id)).toMatchObject([{ userId: alice.id, role: 'editor' }]);
      expect((await t.store.projects.membershipsOf(alice.id)).map((m) => m.projectId)).toEqual([shop.id]);
      await expect(t.store.projects.setMember(shop.id, alice.id, 'owner' as never)).rejects.toThrow(/role/);
      await expect(t.store.projects.setMember('nope', alice.id, 'editor')).rejects.toThrow(/not found/);
      expect(await t.store.projects.removeMember(shop.id, alice.id)).toBe(true);
      expect(await t.store.projects.removeMember(shop.id, alice.id)).toBe(false);
      expect(await t.store.projects.memberRole(shop.id, alice.id)).toBeUndefined();
    });

    it('drops memberships, sessions and API keys with the user', async () => {
      const bob = await user('bob@example.com');
      await t.store.projects.setMember('default', bob.id, 'editor');
      await t.store.sessions.create({
        tokenHash: 'h1',
        userId: bob.id,
        expiresAt: '2999-01-01T00:00:00.000Z',
      });
      await t.store.apiKeys.create({
        name: 'k',
        userId: bob.id,
        keyHash: 'kh',
        prefix: 'sw_abc',
        scope: 'read',
      });
      expect((await t.store.apiKeys.list(bob.id))[0]?.scope).toBe('read');
      expect(await t.store.accounts.delete(bob.id)).toBe(true);
      expect(await t.store.projects.members('default')).toEqual([]);
      expect(await t.store.sessions.getUser('h1', '2000-01-01T00:00:00.000Z')).toBeUndefined();
      expect(await t.store.apiKeys.list(bob.id)).toEqual([]);
    });
  });

  describe('accounts repo', () => {
    it('updates users and revokes every session but one', async () => {
      const carol = await user('carol@example.com');
      const updated = await t.store.accounts.update(carol.id, {
        role: 'viewer',
        name: 'Carol',
        passwordHash: 'y',
      });
      expect(updated).toMatchObject({ role: 'viewer', name: 'Carol', passwordHash: 'y', totpEnabled: false });
      await expect(t.store.accounts.update(carol.id, { role: 'root' as never })).rejects.toThrow(/role/);
      for (const h of ['a', 'b', 'c'])
        await t.store.sessions.create({
          tokenHash: h,
          userId: carol.id,
          expiresAt: '2999-01-01T00:00:00.000Z',
        });
      expect(await t.store.accounts.revokeSessions(carol.id, 'b')).toBe(2);
      expect(await t.store.sessions.getUser('b', '2000-01-01T00:00:00.000Z')).toBeDefined();
      expect(await t.store.sessions.getUser('a', '2000-01-01T00:00:00.000Z')).toBeUndefined();
    });

    it('stores the TOTP secret encrypted and accepts each time step once', async () => {
      const dan = await user('dan@example.com');
      await t.store.accounts.setTotp(dan.id, { secret: 'JBSWY3DPEHPK3PXP', enabled: false });
      expect(await t.store.accounts.getTotp(dan.id)).toEqual({
        secret: 'JBSWY3DPEHPK3PXP',
        enabled: false,
        lastStep: null,
      });
      await t.store.accounts.setTotp(dan.id, { secret: 'JBSWY3DPEHPK3PXP', enabled: true });
      expect((await t.store.users.getById(dan.id))?.totpEnabled).toBe(true);
      expect(await t.store.accounts.useTotpStep(dan.id, 100)).toBe(true);
      expect(await t.store.accounts.useTotpStep(dan.id, 100)).toBe(false);
      expect(await t.store.accounts.useTotpStep(dan.id, 99)).toBe(false);
      expect(await t.store.accounts.useTotpStep(dan.id, 101)).toBe(true);
      await t.store.close();
      const [row] = await t.exec<{ totp_secret: string }>('select totp_secret from users where id = ?', [
        dan.id,
      ]);
      if (!row) throw new Error('user row missing');
      expect(row.totp_secret).not.toContain('JBSWY3DPEHPK3PXP');
      expect(JSON.parse(row.totp_secret)).toMatchObject({ keyId: t.keyring.currentKeyId });
      await t.reopen();
    });
  });

  describe('audit repo', () => {
    it('appends, filters, pages newest first and prunes by age', async () => {
      let clock = Date.parse('2024-01-01T00:00:00.000Z');
      await t.reopen({ now: () => new Date((clock += 1000)) });
      for (let i = 0; i < 5; i++)
        await t.store.audit.append({
          action: i % 2 ? 'auth.login' : 'workflow.update',
          actorId: 'us_1',
          details: { i },
        });
      const first = await t.store.audit.list({ limit: 2 });
      expect(first.items.map((e) => e.details?.['i'])).toEqual([4, 3]);
      const second = await t.store.audit.list({ limit: 2, cursor: first.nextCursor! });
      expect(second.items.map((e) => e.details?.['i'])).toEqual([2, 1]);
      const third = await t.store.audit.list({ limit: 2, cursor: second.nextCursor! });
      expect(third.items.map((e) => e.details?.['i'])).toEqual([0]);
      expect(third.nextCursor).toBeNull();
      expect((await t.store.audit.list({ action: 'auth.login' })).items).toHaveLength(2);
      expect(
        (await t.store.audit.list({ from: '2024-01-01T00:00:03.000Z', to: '2024-01-01T00:00:04.000Z' }))
          .items,
      ).toHaveLength(2);
      await expect(t.store.audit.list({ cursor: 'bogus' })).rejects.toThrow(/cursor/);
      expect(await t.store.audit.prune('2024-01-01T00:00:03.000Z', 1)).toBe(2);
      expect((await t.store.audit.list({})).items).toHaveLength(3);
    });
  });
});
