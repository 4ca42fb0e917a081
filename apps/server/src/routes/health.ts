import { z } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { route, type RouteDef } from './route-def.js';

/** Liveness (the process serves) and readiness (store, registry and sandbox answer). */
export function healthRoutes(deps: AppDeps): RouteDef[] {
  const { store, registry, logger } = deps;
  const checks: Record<string, () => boolean | Promise<boolean>> = {
    // a real round trip to the database (SELECT COUNT on a tiny table)
    store: async () => (await store.users.count()) >= 0,
    registry: () => registry.listNodes().length > 0,
    ...deps.readinessChecks,
  };
  return [
    route({
      method: 'get',
      path: '/healthz',
      summary: 'Liveness: 200 whenever the process serves requests',
      tag: 'health',
      permission: { scope: 'public' },
      public: true,
      response: z.object({ status: z.literal('ok') }),
      async handler() {
        return { status: 'ok' as const };
      },
    }),
    route({
      method: 'get',
      path: '/readyz',
      summary: 'Readiness: 200 when the store, the node registry and the sandbox are up, else 503',
      tag: 'health',
      permission: { scope: 'public' },
      public: true,
      response: z.object({
        status: z.enum(['ready', 'unavailable']),
        checks: z.record(z.string(), z.enum(['ok', 'failed'])),
      }),
      async handler(c) {
        const results: Record<string, 'ok' | 'failed'> = {};
        await Promise.all(
          Object.entries(checks).map(async ([name, check]) => {
            try {
              results[name] = (await check()) ? 'ok' : 'failed';
            } catch (error) {
              logger.warn('readiness check failed', { check: name, error });
              results[name] = 'failed';
            }
          }),
        );
        const ready = Object.values(results).every((r) => r === 'ok');
        return c.json({ status: ready ? 'ready' : 'unavailable', checks: results }, ready ? 200 : 503);
      },
    }),
  ];
}
