import { sql } from 'kysely';
import type { VaultRepo } from '../access-types.js';
import { affected, type RepoContext } from './context.js';
import { parseEnvelope, totpAad } from './accounts.js';

/**
 * Key rotation support. Each batch is one short transaction; each row is updated only if it is
 * still the ciphertext that was read (same key id and IV), so an interrupted or concurrent run
 * leaves every row either on its old key or on the new one, never half-written.
 */
export function createVaultRepo(ctx: RepoContext): VaultRepo {
  const { db, keyring } = ctx;
  const onOldKeyTotp = () => `{"keyId":"${keyring.currentKeyId.replace(/[%_"\\]/g, '')}"%`;

  async function remaining(): Promise<number> {
    const cred = await db
      .selectFrom('credentials')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('key_id', '!=', keyring.currentKeyId)
      .executeTakeFirst();
    const totp = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('totp_secret', 'is not', null)
      .where('totp_secret', 'not like', onOldKeyTotp())
      .executeTakeFirst();
    return Number(cred?.n ?? 0) + Number(totp?.n ?? 0);
  }

  return {
    async keyUsage() {
      const usage: Record<string, number> = {};
      const rows = await db
        .selectFrom('credentials')
        .select(['key_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('key_id')
        .execute();
      for (const row of rows) usage[row.key_id] = (usage[row.key_id] ?? 0) + Number(row.n);
      const secrets = await db
        .selectFrom('users')
        .select('totp_secret')
        .where('totp_secret', 'is not', null)
        .execute();
      for (const { totp_secret } of secrets) {
        const keyId = parseEnvelope(totp_secret as string).keyId;
        usage[keyId] = (usage[keyId] ?? 0) + 1;
      }
      return usage;
    },
    async reencryptBatch({ limit }) {
      const current = keyring.currentKeyId;
      const reencrypted = await db.transaction().execute(async (trx) => {
        let done = 0;
        const creds = await trx
          .selectFrom('credentials')
          .selectAll()
          .where('key_id', '!=', current)
          .orderBy('id')
          .limit(limit)
          .execute();
        for (const row of creds) {
          const plain = keyring.decrypt(
            { keyId: row.key_id, iv: row.iv, tag: row.tag, data: row.data },
            row.id,
          );
          const e = keyring.encrypt(plain, row.id);
          const result = await trx
            .updateTable('credentials')
            .set({ key_id: e.keyId, iv: e.iv, tag: e.tag, data: e.data })
            .where('id', '=', row.id)
            .where('key_id', '=', row.key_id)
            .where('iv', '=', row.iv)
            .executeTakeFirst();
          done += affected(result);
        }
        const left = limit - creds.length;
        if (left <= 0) return done;
        const users = await trx
          .selectFrom('users')
          .select(['id', 'totp_secret'])
          .where('totp_secret', 'is not', null)
          .where('totp_secret', 'not like', onOldKeyTotp())
          .orderBy('id')
          .limit(left)
          .execute();
        for (const row of users) {
          const old = row.totp_secret as string;
          const plain = keyring.decrypt(parseEnvelope(old), totpAad(row.id));
          const result = await trx
            .updateTable('users')
            .set({ totp_secret: JSON.stringify(keyring.encrypt(plain, totpAad(row.id))) })
            .where('id', '=', row.id)
            .where(sql<boolean>`totp_secret = ${old}`)
            .executeTakeFirst();
          done += affected(result);
        }
        return done;
      });
      return { reencrypted, remaining: await remaining() };
    },
  };
}
