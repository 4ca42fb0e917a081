import { ValidationError } from '@shopwire/sdk';
import type { Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { ApiKeyRecord, Role, Store, UserRecord } from '../store-types.js';
import { API_KEY_SCOPES, type ApiKeyScope } from '../access-types.js';
import { newId } from '../ids.js';
import { param, QueryTemplate } from '../query-template.js';
import { affected, type RepoContext } from './context.js';

const ROLES: readonly Role[] = ['owner', 'admin', 'editor', 'viewer'];

export function toUser(row: Selectable<Database['users']>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    totpEnabled: row.totp_enabled === 1,
  };
}

export function createUsersRepo(ctx: RepoContext): Store['users'] {
  const { db } = ctx;
  return {
    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async create(input) {
      const email = normalizeEmail(input.email);
      if (!email.includes('@')) throw new ValidationError('email', 'must be an email address');
      if (!ROLES.includes(input.role))
        throw new ValidationError('role', `must be one of ${ROLES.join(', ')}`);
      const existing = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      if (existing) throw new ValidationError('email', 'a user with this email already exists');
      const user: UserRecord = {
        id: newId('us'),
        email,
        name: input.name,
        role: input.role,
        passwordHash: input.passwordHash,
        createdAt: ctx.now(),
        totpEnabled: false,
      };
      await db
        .insertInto('users')
        .values({
          id: user.id,
          email,
          name: user.name,
          role: user.role,
          password_hash: user.passwordHash,
          created_at: user.createdAt,
        })
        .execute();
      return user;
    },
    async getById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : undefined;
    },
    async getByEmail(email) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', normalizeEmail(email))
        .executeTakeFirst();
      return row ? toUser(row) : undefined;
    },
    async list() {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toUser);
    },
  };
}

/** Emails are stored trimmed and lower-cased, so lookups are case-insensitive on every dialect. */
function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createSessionsRepo(ctx: RepoContext): Store['sessions'] {
  const { db } = ctx;
  // read on every authenticated request: compiled once
  const getUser = new QueryTemplate<'hash' | 'now'>(
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .where('sessions.token_hash', '=', param('hash'))
      .where('sessions.expires_at', '>', param('now')),
  );
  return {
    async create(input) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: input.tokenHash,
          user_id: input.userId,
          expires_at: input.expiresAt,
          created_at: ctx.now(),
        })
        .execute();
    },
    async getUser(tokenHash, now) {
      const rows = await ctx.conn.read<Selectable<Database['users']>>(getUser.bind({ hash: tokenHash, now }));
      return rows[0] ? toUser(rows[0]) : undefined;
    },
    async delete(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
  };
}

type ApiKeyRow = Selectable<Database['api_keys']>;

function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    scope: API_KEY_SCOPES.includes(row.scope as ApiKeyScope) ? (row.scope as ApiKeyScope) : 'read',
  };
}

export function createApiKeysRepo(ctx: RepoContext): Store['apiKeys'] {
  const { db } = ctx;
  const findKey = new QueryTemplate<'hash'>(
    db
      .selectFrom('api_keys')
      .selectAll()
      .where('key_hash', '=', param('hash'))
      .where('revoked_at', 'is', null),
  );
  const touch = new QueryTemplate<'id' | 'now'>(
    db
      .updateTable('api_keys')
      .set({ last_used_at: param('now') })
      .where('id', '=', param('id')),
  );
  const users = createUsersRepo(ctx);
  return {
    async create(input) {
      const record: ApiKeyRecord = {
        id: newId('ak'),
        name: input.name,
        userId: input.userId,
        prefix: input.prefix,
        createdAt: ctx.now(),
        lastUsedAt: null,
        revokedAt: null,
        scope: input.scope ?? 'manage',
      };
      await db
        .insertInto('api_keys')
        .values({
          id: record.id,
          name: record.name,
          user_id: record.userId,
          key_hash: input.keyHash,
          prefix: record.prefix,
          created_at: record.createdAt,
          scope: record.scope,
        })
        .execute();
      return record;
    },
    async authenticate(keyHash, now) {
      const rows = await ctx.conn.read<ApiKeyRow>(findKey.bind({ hash: keyHash }));
      const row = rows[0];
      if (!row) return undefined;
      const user = await users.getById(row.user_id);
      if (!user) return undefined;
      // group-committed with other hot writes
      await ctx.writer.submit([touch.bind({ id: row.id, now })]);
      return { key: { ...toApiKey(row), lastUsedAt: now }, user };
    },
    async list(userId) {
      let query = db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
      if (userId !== undefined) query = query.where('user_id', '=', userId);
      return (await query.execute()).map(toApiKey);
    },
    async revoke(id) {
      const result = await db
        .updateTable('api_keys')
        .set({ revoked_at: ctx.now() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return affected(result) > 0;
    },
  };
}
