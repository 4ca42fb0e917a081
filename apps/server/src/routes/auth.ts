import type { Context } from 'hono';
import { z } from '@shopwire/sdk';
import { audit, clientIp } from '../access/audit.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { createLoginLimiter, type LoginLimiter } from '../auth/login-limiter.js';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from '../auth/passwords.js';
import { endSession, publicUser, startSession } from '../auth/session.js';
import { verifyTotp } from '../auth/totp.js';
import { ApiError, httpError } from '../errors.js';
import { route, type RouteDef } from './route-def.js';

/** Owner setup, login (rate limited, optional TOTP), logout and the current user. */

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  createdAt: z.string(),
  totpEnabled: z.boolean(),
});

export const passwordSchema = z.string().min(8, 'must be at least 8 characters').max(1024);

/** 429 with Retry-After (seconds). */
export function tooManyAttempts(c: Context<AppEnv>, seconds: number): Response {
  c.header('Retry-After', String(seconds));
  return c.json(
    {
      error: {
        code: 'TOO_MANY_REQUESTS',
        message: `too many login attempts: try again in ${seconds} seconds`,
      },
    },
    429,
  );
}

export function authRoutes(deps: AppDeps & { loginLimiter?: LoginLimiter }): RouteDef[] {
  const { store, config } = deps;
  const limiter =
    deps.loginLimiter ??
    createLoginLimiter({
      maxFailures: config.loginMaxFailures,
      lockoutMs: config.loginLockoutMinutes * 60_000,
    });
  // serialises setup so two concurrent requests can't both create an owner
  let setupLock: Promise<unknown> = Promise.resolve();

  return [
    route({
      method: 'get',
      path: '/api/v1/setup',
      summary: 'Whether the owner account still has to be created',
      tag: 'auth',
      public: true,
      permission: { scope: 'public' },
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
      permission: { scope: 'public' },
      body: z.object({
        email: z.email().max(320),
        name: z.string().trim().min(1).max(200),
        password: passwordSchema,
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
        await audit(deps, c, {
          action: 'user.create',
          actorId: user.id,
          actorLabel: user.email,
          targetType: 'user',
          targetId: user.id,
          details: { role: 'owner', setup: true },
        });
        return c.json({ user: publicUser(user) }, 201);
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/login',
      summary:
        'Log in with email and password (+ totpCode when the account has a second factor): sets the shopwire_session and shopwire_csrf cookies. 429 + Retry-After when rate limited or locked',
      tag: 'auth',
      public: true,
      permission: { scope: 'public' },
      body: z.object({
        email: z.string().min(1).max(320),
        password: z.string().min(1).max(1024),
        totpCode: z.string().max(16).optional(),
      }),
      response: z.object({ user: userSchema }),
      async handler(c, { body }) {
        const ip = clientIp(c, config.trustProxy);
        const wait = await limiter.attempt(ip, body.email);
        if (wait !== undefined) {
          await audit(deps, c, {
            action: 'auth.login_blocked',
            actorId: null,
            actorLabel: body.email.slice(0, 320),
          });
          return tooManyAttempts(c, wait);
        }
        const user = await store.users.getByEmail(body.email);
        // verify against a dummy hash for unknown emails, so timing doesn't reveal which exist
        const ok = await verifyPassword(body.password, user?.passwordHash ?? (await dummyPasswordHash()));
        const fail = async (
          reason: string,
          code = 'UNAUTHENTICATED',
          message = 'wrong email or password',
        ) => {
          await limiter.failed(body.email);
          await audit(deps, c, {
            action: 'auth.login_failed',
            actorId: user?.id ?? null,
            actorLabel: body.email.slice(0, 320),
            details: { reason },
          });
          return new ApiError(401, code, message);
        };
        if (!user || !ok) throw await fail(user ? 'password' : 'unknown user');
        if (user.totpEnabled) {
          if (!body.totpCode) {
            await limiter.forgive(ip, body.email); // the password was right; the second step is a new attempt
            throw new ApiError(
              401,
              'TOTP_REQUIRED',
              'enter the 6-digit code from your authenticator app (totpCode)',
            );
          }
          const { secret } = await store.accounts.getTotp(user.id);
          const step = secret ? verifyTotp({ secret, code: body.totpCode, timeMs: Date.now() }) : undefined;
          if (step === undefined || !(await store.accounts.useTotpStep(user.id, step)))
            throw await fail('totp', 'TOTP_INVALID', 'wrong or already used authenticator code');
        }
        await limiter.succeeded(body.email, ip);
        let current = user;
        if (needsRehash(user.passwordHash)) {
          // an old scrypt hash: replace it now that we know the password
          current = await store.accounts.update(user.id, { passwordHash: await hashPassword(body.password) });
        }
        await startSession(c, { store, config, user: current });
        await audit(deps, c, { action: 'auth.login', actorId: user.id, actorLabel: user.email });
        return { user: publicUser(current) };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/logout',
      summary: 'End the session and clear the cookies',
      tag: 'auth',
      permission: { scope: 'self', action: 'self:write' },
      status: 204,
      async handler(c) {
        await endSession(c, { store, config, auth: c.get('auth') });
        return c.body(null, 204);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/me',
      summary:
        'The current user, how the request was authenticated, and (session) the CSRF token unsafe requests must send as X-CSRF-Token',
      tag: 'auth',
      permission: { scope: 'self', action: 'self:read' },
      response: z.object({
        user: userSchema,
        via: z.enum(['session', 'apiKey']),
        apiKeyScope: z.enum(['read', 'execute', 'manage']).optional(),
        csrfToken: z.string().optional(),
      }),
      async handler(_c, { auth }) {
        if (!auth) throw new ApiError(401, 'UNAUTHENTICATED', 'log in or send an API key');
        return {
          user: publicUser(auth.user),
          via: auth.via,
          ...(auth.apiKeyScope ? { apiKeyScope: auth.apiKeyScope } : {}),
          ...(auth.csrfToken ? { csrfToken: auth.csrfToken } : {}),
        };
      },
    }),
  ];
}
