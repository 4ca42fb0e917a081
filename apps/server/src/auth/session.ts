import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hashSecret } from '@shopwire/db';
import type { Store, UserRecord } from '@shopwire/db';
import type { Config } from '../config.js';
import type { AuthInfo } from '../app-env.js';
import { CSRF_COOKIE, csrfTokenFor } from './csrf.js';
import { API_KEY_PREFIX, SESSION_COOKIE, SESSION_TTL_MS, newSessionToken } from './tokens.js';

/** Session cookie handling and request authentication (session cookie or API key). */

export function secure(c: Context, config: Config): boolean {
  if (config.secureCookies === 'true') return true;
  if (config.secureCookies === 'false') return false;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return (
    proto === 'https' || new URL(c.req.url).protocol === 'https:' || config.publicUrl.startsWith('https:')
  );
}

export async function startSession(
  c: Context,
  options: { store: Store; config: Config; user: UserRecord },
): Promise<void> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await options.store.sessions.create({
    tokenHash: hashSecret(token),
    userId: options.user.id,
    expiresAt: expiresAt.toISOString(),
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: secure(c, options.config),
    expires: expiresAt,
  });
  // readable by the editor's script (double submit): not HttpOnly on purpose
  setCookie(c, CSRF_COOKIE, csrfTokenFor(token), {
    httpOnly: false,
    sameSite: 'Lax',
    path: '/',
    secure: secure(c, options.config),
    expires: expiresAt,
  });
}

export async function endSession(
  c: Context,
  options: { store: Store; config: Config; auth: AuthInfo | undefined },
): Promise<void> {
  if (options.auth?.sessionTokenHash) await options.store.sessions.delete(options.auth.sessionTokenHash);
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    secure: secure(c, options.config),
    httpOnly: true,
    sameSite: 'Lax',
  });
  deleteCookie(c, CSRF_COOKIE, { path: '/', secure: secure(c, options.config), sameSite: 'Lax' });
}

function apiKeyFrom(c: Context): string | undefined {
  const header = c.req.header('x-api-key')?.trim();
  if (header) return header;
  const authorization = c.req.header('authorization');
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1];
}

/** Resolves who is calling, or undefined. An API key wins over a cookie when both are sent. */
export async function authenticate(c: Context, store: Store): Promise<AuthInfo | undefined> {
  const now = new Date().toISOString();
  const key = apiKeyFrom(c);
  if (key !== undefined) {
    if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return undefined;
    const found = await store.apiKeys.authenticate(hashSecret(key), now);
    return found
      ? { user: found.user, via: 'apiKey', apiKeyId: found.key.id, apiKeyScope: found.key.scope }
      : undefined;
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 200) return undefined;
  const tokenHash = hashSecret(token);
  const user = await store.sessions.getUser(tokenHash, now);
  return user
    ? { user, via: 'session', sessionTokenHash: tokenHash, csrfToken: csrfTokenFor(token) }
    : undefined;
}

export function publicUser(user: UserRecord): {
  id: string;
  email: string;
  name: string;
  role: string;
  createdAt: string;
  totpEnabled: boolean;
} {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt,
    totpEnabled: user.totpEnabled,
  };
}
