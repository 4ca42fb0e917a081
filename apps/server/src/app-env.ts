import type { LoginLimiter } from './auth/login-limiter.js';
import type { HttpClient, Sandbox } from '@shopwire/sdk';
import type { ApiKeyScope, Store, UserRecord } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import type { Config } from './config.js';
import type { ServerLogger } from './logger.js';
import type { Runtime } from './runtime/types.js';

/** Who made the request (set by the auth middleware on every protected route). */
export interface AuthInfo {
  user: UserRecord;
  via: 'session' | 'apiKey';
  /** hashed session token (session auth), so logout can delete it */
  sessionTokenHash?: string;
  apiKeyId?: string;
  apiKeyScope?: ApiKeyScope;
  /** session auth: the CSRF token unsafe requests must echo in X-CSRF-Token */
  csrfToken?: string;
}

export type AppEnv = { Variables: { auth: AuthInfo | undefined } };

/** Everything the HTTP layer needs, built once in main and passed down. */
export interface AppDeps {
  store: Store;
  registry: NodeRegistry;
  runtime: Runtime;
  config: Config;
  logger: ServerLogger;
  /** evaluates the editor's expression previews (the same isolated-vm pool executions use) */
  sandbox?: Sandbox;
  /** HTTP client for credential tests (default: @shopwire/http's createHttpClient()) */
  http?: HttpClient;
  /** extra readiness probes for /readyz (e.g. the sandbox pool); a probe that throws or returns false fails it */
  readinessChecks?: Record<string, () => boolean | Promise<boolean>>;
  /** login and password-check throttling (default: in memory; queue mode: shared in Redis) */
  loginLimiter?: LoginLimiter;
}

/** The only project until multi-project lands. */
export const DEFAULT_PROJECT = 'default';
