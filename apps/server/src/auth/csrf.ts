import crypto from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { ApiError } from '../errors.js';

/**
 * CSRF for cookie-authenticated requests: unsafe methods (POST/PUT/PATCH/DELETE) must send
 * `X-CSRF-Token` equal to the session's token. The token is a one-way hash of the session token
 * (stateless, dies with the session); the browser gets it in the readable `shopwire_csrf` cookie
 * (set at login/setup) and from `GET /api/v1/me` (`csrfToken`). API-key requests are exempt:
 * browsers never attach API keys by themselves.
 */

export const CSRF_COOKIE = 'shopwire_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfTokenFor(sessionToken: string): string {
  return crypto.createHash('sha256').update('shopwire-csrf\0').update(sessionToken).digest('base64url');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Runs after authentication (needs `auth`). */
export function requireCsrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get('auth');
    if (auth?.via === 'session' && auth.csrfToken && !SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!sameToken(sent, auth.csrfToken)) {
        throw new ApiError(
          403,
          'CSRF',
          'missing or wrong X-CSRF-Token header: send the value of the shopwire_csrf cookie (or csrfToken from GET /api/v1/me)',
        );
      }
    }
    return next();
  };
}
