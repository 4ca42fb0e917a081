import { hashSecret } from '@shopwire/db';
import type { ApiKeyRecord } from '@shopwire/db';
import { z } from 'zod';
import type { AppDeps } from '../app-env.js';
import { ApiError, httpError, notFound } from '../errors.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords.js';
import { endSession, publicUser, startSession } from '../auth/session.js';
import { newApiKey } from '../auth/tokens.js';
import { route, type RouteDef } from './route-def.js';

/** Owner setup, login/logout, the current user, API keys. */

const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  createdAt: z.string(),
});
const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export function authRoutes(deps: AppDeps): RouteDef[] {
  const { store, config } = deps;
  // serialises setup so two concurrent requests can't both create an owner
  let setupLock: Promise<unknown> = Promise.resolve();

  return [
    route({
      method: 'get',
      path: '/api/v1/setup',
      summary: 'Whether the owner account still has to be created',
      tag: 'auth',
      public: true,
      response: z.object({ needsSetup: z.boolean() }),
      async handler() {
        return { needsSetup: (await store.users.count()) === 0 };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/setup',
      summary: 'Create the owner account (only while no user exists) and log in',
      tag: 'auth',
      public: true,
      body: z.object({
        email: z.email().max(320),
        name: z.string().trim().min(1).max(200),
        password: z.string().min(8, 'must be at least 8 characters').max(1024),
      }),
      status: 201,
      response: z.object({ user: userSchema }),
      async handler(c, { body }) {
        const run = setupLock.then(async () => {
          if ((await store.users.count()) > 0) throw httpError(409, 'setup is already done: log in instead');
          const passwordHash = await hashPassword(body.password);
          return store.users.create({ email: body.email, name: body.name, role: 'owner', passwordHash });
        });
        setupLock = run.catch(() => undefined);
        const user = await run;
        await startSession(c, { store, config, user });
        return c.json({ user: publicUser(user) }, 201);
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/login',
      summary: 'Log in with email and password: sets the shopwire_session cookie',
      tag: 'auth',
      public: true,
      body: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }),
      response: z.object({ user: userSchema }),
      async handler(c, { body }) {
        const user = await store.users.getByEmail(body.email);
        // verify against a dummy hash for unknown emails, so timing doesn't reveal which exist
        const ok = await verifyPassword(body.password, user?.passwordHash ?? (await dummyPasswordHash()));
        if (!user || !ok) throw new ApiError(401, 'UNAUTHENTICATED', 'wrong email or password');
        await startSession(c, { store, config, user });
        return { user: publicUser(user) };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/logout',
      summary: 'End the session and clear the cookie',
      tag: 'auth',
      status: 204,
      async handler(c) {
        await endSession(c, { store, config, auth: c.get('auth') });
        return c.body(null, 204);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/me',
      summary: 'The current user and how the request was authenticated',
      tag: 'auth',
      response: z.object({ user: userSchema, via: z.enum(['session', 'apiKey']) }),
      async handler(_c, { auth }) {
        if (!auth) throw new ApiError(401, 'UNAUTHENTICATED', 'log in or send an API key');
        return { user: publicUser(auth.user), via: auth.via };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/api-keys',
      summary: 'Create an API key for the current user; the key is shown only in this response',
      tag: 'auth',
      body: z.object({ name: z.string().trim().min(1).max(200) }),
      status: 201,
      response: apiKeySchema.extend({ key: z.string() }),
      async handler(c, { body, auth }) {
        if (!auth) throw new ApiError(401, 'UNAUTHENTICATED', 'log in or send an API key');
        const { key, prefix } = newApiKey();
        const record = await store.apiKeys.create({
          name: body.name,
          userId: auth.user.id,
          keyHash: hashSecret(key),
          prefix,
        });
        return c.json({ ...apiKeyView(record), key }, 201);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/api-keys',
      summary: "List the current user's API keys (never the keys themselves)",
      tag: 'auth',
      response: z.object({ items: z.array(apiKeySchema) }),
      async handler(_c, { auth }) {
        const keys = await store.apiKeys.list(auth?.user.id);
        return { items: keys.map(apiKeyView) };
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/api-keys/:id',
      summary: 'Revoke an API key',
      tag: 'auth',
      status: 204,
      async handler(c, { params, auth }) {
        const id = params['id'] ?? '';
        const owned = (await store.apiKeys.list(auth?.user.id)).some(
          (k) => k.id === id && k.revokedAt === null,
        );
        if (!owned || !(await store.apiKeys.revoke(id))) throw notFound(`API key ${id}`);
        return c.body(null, 204);
      },
    }),
  ];
}

function apiKeyView(record: ApiKeyRecord): z.infer<typeof apiKeySchema> {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt,
    revokedAt: record.revokedAt,
  };
}
