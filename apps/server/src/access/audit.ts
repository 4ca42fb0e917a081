import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AuditEntry, Store } from '@shopwire/db';
import type { Logger } from '@shopwire/sdk';
import type { AppEnv, AuthInfo } from '../app-env.js';

/**
 * Writing the audit log from the HTTP layer: who (the authenticated user, or the email tried at
 * login), from where (client IP, user agent), what and on which target. Never fails the request:
 * a write error is logged instead.
 */

export interface AuditDeps {
  store: Store;
  logger: Logger;
  config: { trustProxy: boolean };
}

export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by @hono/node-server (app.request in tests)
  }
}

export function actorOf(auth: AuthInfo | undefined): Pick<AuditEntry, 'actorId' | 'actorLabel'> {
  if (!auth) return { actorId: null, actorLabel: null };
  return { actorId: auth.user.id, actorLabel: auth.user.email };
}

export async function audit(
  deps: AuditDeps,
  c: Context<AppEnv> | undefined,
  entry: AuditEntry,
): Promise<void> {
  const from = c
    ? {
        ip: clientIp(c, deps.config.trustProxy),
        userAgent: c.req.header('user-agent')?.slice(0, 500) ?? null,
      }
    : {};
  const who = c && entry.actorId === undefined ? actorOf(c.get('auth')) : {};
  const details =
    c?.get('auth')?.via === 'apiKey'
      ? { ...entry.details, apiKeyId: c.get('auth')?.apiKeyId ?? null }
      : entry.details;
  try {
    await deps.store.audit.append({
      ...who,
      ...from,
      ...entry,
      ...(details === undefined ? {} : { details }),
    });
  } catch (error) {
    deps.logger.warn('audit log write failed', { action: entry.action, error });
  }
}
