import { z } from '@shopwire/sdk';
import { audit, clientIp } from '../access/audit.js';
import type { AppDeps } from '../app-env.js';
import type { LoginLimiter } from '../auth/login-limiter.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { newTotpSecret, otpauthUrl, verifyTotp } from '../auth/totp.js';
import { ApiError, httpError } from '../errors.js';
import { passwordSchema, tooManyAttempts } from './auth.js';
import { route, type RouteDef } from './route-def.js';

/** The signed-in user's own account: password change (revokes other sessions) and TOTP. Session only. */

const ACCOUNT = { scope: 'self', action: 'account:write' } as const;

export function accountRoutes(deps: AppDeps & { loginLimiter: LoginLimiter }): RouteDef[] {
  const { store, config, loginLimiter } = deps;

  return [
    route({
      method: 'post',
      path: '/api/v1/me/password',
      summary: 'Change your password; every other session of yours is logged out',
      tag: 'auth',
      permission: ACCOUNT,
      body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema }),
      response: z.object({ sessionsRevoked: z.number() }),
      async handler(c, { body, auth }) {
        if (!auth) throw new ApiError(401, 'UNAUTHENTICATED', 'log in');
        const ip = clientIp(c, config.trustProxy);
        const wait = await loginLimiter.attempt(ip, auth.user.email);
        if (wait !== undefined) return tooManyAttempts(c, wait);
        if (!(await verifyPassword(body.currentPassword, auth.user.passwordHash))) {
          await loginLimiter.failed(auth.user.email);
          throw new ApiError(400, 'VALIDATION', 'currentPassword: is wrong', 'currentPassword');
        }
        await loginLimiter.succeeded(auth.user.email, ip);
        await store.accounts.update(auth.user.id, { passwordHash: await hashPassword(body.newPassword) });
        const sessionsRevoked = await store.accounts.revokeSessions(auth.user.id, auth.sessionTokenHash);
        await audit(deps, c, {
          action: 'auth.password_change',
          targetType: 'user',
          targetId: auth.user.id,
          details: { sessionsRevoked },
        });
        return { sessionsRevoked };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/me/totp',
      summary:
        'Start TOTP enrolment: returns the secret and an otpauth:// URL (for a QR code); confirm with a code to turn it on',
      tag: 'auth',
      permission: ACCOUNT,
      response: z.object({ secret: z.string(), otpauthUrl: z.string() }),
      async handler(c, { auth }) {
        if (!auth) throw new ApiError(401, 'UNAUTHENTICATED', 'log in');
        if (auth.user.totpEnabled) throw httpError(409, 'a second factor is already on: turn it off first');
        const secret = newTotpSecret();
        await store.accounts.setTotp(auth.user.id, { secret, enabled: false });
        await audit(deps, c, { action: 'auth.totp_enrol', targetType: 'user', targetId: auth.user.id });
        return { secret, otpauthUrl: otpauthUrl({ secret, account: auth.user.email }) };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/me/totp/confirm',
      summary: 'Confirm TOTP enrolment with a current code: from then on login needs a code',
      tag: 'auth',
      permission: ACCOUNT,
      body: z.object({ code: z.string().min(1).max(16) }),
      response: z.object({ totpEnabled: z.boolean() }),
      async handler(c, { body, auth }) {
        if (!auth) throw new ApiError(401, 'UNAUTHENTICATED', 'log in');
        const state = await store.accounts.getTotp(auth.user.id);
        if (state.enabled) throw httpError(409, 'the second factor is already on');
        if (!state.secret) throw httpError(409, 'start enrolment first (POST /api/v1/me/totp)');
        const step = verifyTotp({ secret: state.secret, code: body.code, timeMs: Date.now() });
        if (step === undefined) throw new ApiError(400, 'VALIDATION', 'code: is wrong or expired', 'code');
        await store.accounts.setTotp(auth.user.id, { secret: state.secret, enabled: true });
        await store.accounts.useTotpStep(auth.user.id, step);
        await audit(deps, c, { action: 'auth.totp_enable', targetType: 'user', targetId: auth.user.id });
        return { totpEnabled: true };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/me/totp/disable',
      summary: 'Turn the second factor off (needs your password)',
      tag: 'auth',
      permission: ACCOUNT,
      body: z.object({ password: z.string().min(1).max(1024) }),
      response: z.object({ totpEnabled: z.boolean() }),
      async handler(c, { body, auth }) {
        if (!auth) throw new ApiError(401, 'UNAUTHENTICATED', 'log in');
        if (!(await verifyPassword(body.password, auth.user.passwordHash)))
          throw new ApiError(400, 'VALIDATION', 'password: is wrong', 'password');
        await store.accounts.setTotp(auth.user.id, { secret: null, enabled: false });
        await audit(deps, c, { action: 'auth.totp_disable', targetType: 'user', targetId: auth.user.id });
        return { totpEnabled: false };
      },
    }),
  ];
}
