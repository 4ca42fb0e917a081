import { isJsonObject, ShopwireError, ValidationError } from '@shopwire/sdk';
import type { Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { CredentialRecord, Store } from '../store-types.js';
import { newId } from '../ids.js';
import { affected, type RepoContext } from './context.js';

type CredentialRow = Selectable<Database['credentials']>;
const PUBLIC_COLUMNS = ['id', 'project_id', 'name', 'type', 'created_at', 'updated_at'] as const;

function toRecord(row: Pick<CredentialRow, (typeof PUBLIC_COLUMNS)[number]>): CredentialRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    type: row.type,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkData(data: unknown): Record<string, unknown> {
  if (!isJsonObject(data)) throw new ValidationError('data', 'must be an object');
  return data;
}

/**
 * Credentials are stored as AES-256-GCM ciphertext (the credential id is the additional
 * authenticated data, so a ciphertext cannot be moved to another row). Only `getDecrypted`
 * decrypts; `get` and `list` never read the secret columns.
 */
export function createCredentialsRepo(ctx: RepoContext): Store['credentials'] {
  const { db, keyring } = ctx;
  const encrypt = (id: string, data: Record<string, unknown>) => {
    const e = keyring.encrypt(Buffer.from(JSON.stringify(data), 'utf8'), id);
    return { key_id: e.keyId, iv: e.iv, tag: e.tag, data: e.data };
  };
  const get = async (id: string) => {
    const row = await db
      .selectFrom('credentials')
      .select(PUBLIC_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  };
  return {
    async create(input) {
      if (!input.name.trim()) throw new ValidationError('name', 'must not be empty');
      if (!input.type.trim()) throw new ValidationError('type', 'must not be empty');
      const data = checkData(input.data);
      const now = ctx.now();
      const record: CredentialRecord = {
        id: newId('cr'),
        projectId: input.projectId,
        name: input.name,
        type: input.type,
        createdAt: now,
        updatedAt: now,
      };
      await db
        .insertInto('credentials')
        .values({
          id: record.id,
          project_id: record.projectId,
          name: record.name,
          type: record.type,
          ...encrypt(record.id, data),
          created_at: now,
          updated_at: now,
        })
        .execute();
      return record;
    },
    async update(id, input) {
      if (input.name !== undefined && !input.name.trim())
        throw new ValidationError('name', 'must not be empty');
      const now = ctx.now();
      const secret = input.data === undefined ? {} : encrypt(id, checkData(input.data));
      const result = await db
        .updateTable('credentials')
        .set({ ...(input.name === undefined ? {} : { name: input.name }), ...secret, updated_at: now })
        .where('id', '=', id)
        .executeTakeFirst();
      if (affected(result) === 0) throw new ShopwireError('NOT_FOUND', `credential ${id} not found`);
      return (await get(id)) as CredentialRecord;
    },
    get,
    async getDecrypted(id) {
      const row = await db.selectFrom('credentials').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      let plain: Buffer;
      try {
        plain = keyring.decrypt({ keyId: row.key_id, iv: row.iv, tag: row.tag, data: row.data }, row.id);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ShopwireError(
          'DECRYPT_FAILED',
          `credential ${id} ("${row.name}") cannot be decrypted: ${reason}`,
        );
      }
      let data: unknown;
      try {
        data = JSON.parse(plain.toString('utf8'));
      } catch {
        throw new ShopwireError(
          'DECRYPT_FAILED',
          `credential ${id} ("${row.name}") decrypted to invalid JSON`,
        );
      }
      return { record: toRecord(row), data: checkData(data) };
    },
    async list(projectId) {
      let query = db.selectFrom('credentials').select(PUBLIC_COLUMNS).orderBy('name').orderBy('id');
      if (projectId !== undefined) query = query.where('project_id', '=', projectId);
      return (await query.execute()).map(toRecord);
    },
    async delete(id) {
      const result = await db.deleteFrom('credentials').where('id', '=', id).executeTakeFirst();
      return affected(result) > 0;
    },
  };
}
