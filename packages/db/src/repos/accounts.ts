import { ShopwireError, ValidationError } from '@shopwire/sdk';
import type { AccountsRepo, TotpState } from '../access-types.js';
import type { EncryptedData } from '../crypto/keyring.js';
import type { Role } from '../store-types.js';
import { affected, type RepoContext } from './context.js';
import { createUsersRepo } from './users.js';

const ROLES: readonly Role[] = ['owner', 'admin', 'editor', 'viewer'];

/** AAD of a TOTP secret: the ciphertext only decrypts for the user it was made for. */
export const totpAad = (userId: string): string => `totp:${userId}`;

export function parseEnvelope(text: string): EncryptedData {
  const parsed = JSON.parse(text) as Partial<EncryptedData>;
  if (
    typeof parsed.keyId !== 'string' ||
    typeof parsed.iv !== 'string' ||
    typeof parsed.tag !== 'string' ||
    typeof parsed.data !== 'string'
  ) {
    throw new ShopwireError('DECRYPT_FAILED', 'stored secret envelope is malformed');
  }
  return { keyId: parsed.keyId, iv: parsed.iv, tag: parsed.tag, data: parsed.data };
}

export function createAccountsRepo(ctx: RepoContext): AccountsRepo {
  const { db, keyring } = ctx;
  const users = createUsersRepo(ctx);
  return {
    async update(id, patch) {
      if (patch.role !== undefined && !ROLES.includes(patch.role))
        throw new ValidationError('role', `must be one of ${ROLES.join(', ')}`);
      if (patch.name !== undefined && !patch.name.trim())
        throw new ValidationError('name', 'must not be empty');
      const set = {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.passwordHash === undefined ? {} : { password_hash: patch.passwordHash }),
      };
      if (Object.keys(set).length > 0) {
        const result = await db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
        if (affected(result) === 0) throw new ShopwireError('NOT_FOUND', `user ${id} not found`);
      }
      const user = await users.getById(id);
      if (!user) throw new ShopwireError('NOT_FOUND', `user ${id} not found`);
      return user;
    },
    async delete(id) {
      // sessions, API keys and memberships go with the user (ON DELETE CASCADE)
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return affected(result) > 0;
    },
    async revokeSessions(userId, exceptTokenHash) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptTokenHash !== undefined) query = query.where('token_hash', '!=', exceptTokenHash);
      return affected(await query.executeTakeFirst());
    },
    async getTotp(userId): Promise<TotpState> {
      const row = await db
        .selectFrom('users')
        .select(['totp_secret', 'totp_enabled', 'totp_last_step'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!row) throw new ShopwireError('NOT_FOUND', `user ${userId} not found`);
      const secret = row.totp_secret
        ? keyring.decrypt(parseEnvelope(row.totp_secret), totpAad(userId)).toString('utf8')
        : null;
      return {
        secret,
        enabled: row.totp_enabled === 1,
        lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
      };
    },
    async setTotp(userId, input) {
      const envelope =
        input.secret === null
          ? null
          : JSON.stringify(keyring.encrypt(Buffer.from(input.secret, 'utf8'), totpAad(userId)));
      const result = await db
        .updateTable('users')
        .set({
          totp_secret: envelope,
          totp_enabled: input.enabled && envelope !== null ? 1 : 0,
          totp_last_step: null,
        })
        .where('id', '=', userId)
        .executeTakeFirst();
      if (affected(result) === 0) throw new ShopwireError('NOT_FOUND', `user ${userId} not found`);
    },
    async useTotpStep(userId, step) {
      const result = await db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return affected(result) > 0;
    },
  };
}
