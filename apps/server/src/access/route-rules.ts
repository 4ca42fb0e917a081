import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { RouteDef } from '../routes/route-def.js';
import type { Access } from './authorize.js';
import { audit, type AuditDeps } from './audit.js';

/**
 * Startup check: every route declares a permission, and `public` agrees with it. Throwing here
 * means a route without a rule cannot be served at all.
 */
export function assertRoutePermissions(routes: readonly RouteDef[]): void {
  for (const def of routes) {
    const name = `${def.method.toUpperCase()} ${def.path}`;
    const permission = (def as Partial<RouteDef>).permission;
    if (!permission || typeof permission !== 'object' || !('scope' in permission)) {
      throw new Error(`route ${name} has no permission rule: add \`permission\` to its RouteDef`);
    }
    if ((permission.scope === 'public') !== (def.public === true)) {
      throw new Error(
        `route ${name}: \`public: true\` and \`permission: { scope: 'public' }\` must go together`,
      );
    }
  }
}

/** Writes the route's declared audit entry after a 2xx answer. */
export async function auditRoute(
  deps: AuditDeps,
  c: Context<AppEnv>,
  def: RouteDef,
  access: Access,
  result: unknown,
): Promise<void> {
  if (!def.audit) return;
  let status = def.status ?? 200;
  let body: unknown = result;
  if (result instanceof Response) {
    status = result.status;
    body = result.headers.get('content-type')?.includes('json')
      ? await result
          .clone()
          .json()
          .catch(() => undefined)
      : undefined;
  }
  if (status < 200 || status >= 300) return;
  const fromBody = (body as { id?: unknown } | undefined)?.id;
  const targetId = c.req.param('id') ?? (typeof fromBody === 'string' ? fromBody : null);
  await audit(deps, c, {
    action: def.audit.action,
    targetType: def.audit.targetType,
    targetId,
    projectId: access.projectId,
  });
}
