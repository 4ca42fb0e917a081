import { z } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { route, type RouteDef } from './route-def.js';

/** Reading the audit log (owner and admins). There is no write, update or delete endpoint. */

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO-8601 date or timestamp')
  .transform((s) => new Date(s).toISOString());

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  projectId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export function auditRoutes(deps: AppDeps): RouteDef[] {
  const { store } = deps;
  return [
    route({
      method: 'get',
      path: '/api/v1/audit',
      summary:
        'The audit log, newest first: logins, user/role/membership changes, credential create/update/use, workflow changes, API keys, key rotation (filters: actor = user id or email, action, from, to; cursor pagination)',
      tag: 'audit',
      permission: { scope: 'instance', action: 'audit:read' },
      query: z.object({
        actor: z.string().max(320).optional(),
        action: z.string().max(100).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        cursor: z.string().max(500).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: z.object({ items: z.array(entrySchema), nextCursor: z.string().nullable() }),
      async handler(_c, { query }) {
        let actorId = query.actor;
        if (actorId?.includes('@')) actorId = (await store.users.getByEmail(actorId))?.id ?? '-none-';
        return store.audit.list({
          actorId,
          action: query.action,
          from: query.from,
          to: query.to,
          cursor: query.cursor,
          limit: query.limit,
        });
      },
    }),
  ];
}
