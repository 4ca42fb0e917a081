import { hashSecret } from '@shopwire/db';
import type { ApiKeyRecord } from '@shopwire/db';
import { z } from '@shopwire/sdk';
import { audit } from '../access/audit.js';
import type { AppDeps } from '../app-env.js';
import { newApiKey } from '../auth/tokens.js';
import { ApiError, notFound } from '../errors.js';
import { route, type RouteDef } from './route-def.js';

/** The caller's own API keys: scoped (read | execute | manage), shown once, stored hashed, revocable. */

const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: z.enum(['read', 'execute', 'manage']),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export function apiKeyRoutes(deps: AppDeps): RouteDef[] {
  const { store } = deps;
  return [
    route({
      method: 'post',
      path: '/api/v1/api-keys',
      summary:
        'Create an API key for the current user (scope read | execute | manage, default manage; never more than the user may do); the key is shown only in this response',
      tag: 'auth',
      permission: { scope: 'self', action: 'self:write' },
      body: z.object({
        name: z.string().trim().min(1).max(200),
        scope: z.enum(['read', 'execute', 'manage']).default('manage'),
      }),
      status: 201,
      response: apiKeySchema.extend({ key: z.string() }),
      async handler(c, { body, auth }) {
        if (!auth) throw new ApiError(401, 'UNAUTHENTICATED', 'log in or send an API key');
        // a key can never create a key with more reach than itself
        if (auth.via === 'apiKey' && auth.apiKeyScope !== 'manage')
          throw new ApiError(403, 'FORBIDDEN', 'only a manage-scoped key can create API keys');
        const { key, prefix } = newApiKey();
        const record = await store.apiKeys.create({
          name: body.name,
          userId: auth.user.id,
          keyHash: hashSecret(key),
          prefix,
          scope: body.scope,
        });
        await audit(deps, c, {
          action: 'api_key.create',
          targetType: 'api_key',
          targetId: record.id,
          details: { name: record.name, scope: record.scope },
        });
        return c.json({ ...apiKeyView(record), key }, 201);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/api-keys',
      summary: "List the current user's API keys with scope and last use (never the keys themselves)",
      tag: 'auth',
      permission: { scope: 'self', action: 'self:read' },
      response: z.object({ items: z.array(apiKeySchema) }),
      async handler(_c, { auth }) {
        const keys = auth ? await store.apiKeys.list(auth.user.id) : [];
        return { items: keys.map(apiKeyView) };
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/api-keys/:id',
      summary: 'Revoke one of your API keys',
      tag: 'auth',
      permission: { scope: 'self', action: 'self:write' },
      status: 204,
      async handler(c, { params, auth }) {
        const id = params['id'] ?? '';
        const owned = auth
          ? (await store.apiKeys.list(auth.user.id)).some((k) => k.id === id && k.revokedAt === null)
          : false;
        if (!owned || !(await store.apiKeys.revoke(id))) throw notFound(`API key ${id}`);
        await audit(deps, c, { action: 'api_key.revoke', targetType: 'api_key', targetId: id });
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
    scope: record.scope,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt,
    revokedAt: record.revokedAt,
  };
}
