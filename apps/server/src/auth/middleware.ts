import type { MiddlewareHandler } from 'hono';
import type { Store } from '@shopwire/db';
import type { AppEnv } from '../app-env.js';
import { ApiError } from '../errors.js';
import { authenticate } from './session.js';

/**
 * Every /api/v1 route needs a session or an API key, except the few public ones listed as
 * `METHOD /path` (exact, static paths: setup and login).
 */
export function requireAuth(options: {
  store: Store;
  publicRoutes: ReadonlySet<string>;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path.length > 1 ? c.req.path.replace(/\/+$/, '') : c.req.path;
    if (options.publicRoutes.has(`${c.req.method} ${path}`)) return next();
    const auth = await authenticate(c, options.store);
    if (!auth) {
      const sentCredentials = c.req.header('authorization') || c.req.header('x-api-key');
      throw new ApiError(
        401,
        'UNAUTHENTICATED',
        sentCredentials ? 'invalid or revoked API key' : 'log in or send an API key',
      );
    }
    c.set('auth', auth);
    return next();
  };
}
