import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPasswordScrypt } from '../auth/passwords.js';
import { base32Decode, totpCode } from '../auth/totp.js';
import { manualWorkflow, setupOwner, startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let owner = '';
const PW = 'password-123';

beforeAll(async () => {
  server = await startTestServer({ SHOPWIRE_LOGIN_MAX_FAILURES: '3', SHOPWIRE_LOGIN_LOCKOUT_MINUTES: '15' });
  owner = await setupOwner(server);
}, 60_000);
afterAll(async () => {
  await server.stop();
});

const asOwner = (method: string, url: string, json?: unknown) =>
  server.request(method, url, { cookie: owner, json });
async function invite(email: string, role: string, projects: { projectId: string; role: string }[] = []) {
  const res = await asOwner('POST', '/api/v1/users', { email, name: email, role, password: PW, projects });
  expect(res.status).toBe(201);
  return res.json.id as string;
}
async function login(email: string, password = PW, extra: Record<string, unknown> = {}) {
  return server.request('POST', '/api/v1/login', {
    json: { email, password, ...extra },
    headers: { 'user-agent': 'accounts-test' },
  });
}

describe('CSRF (cookie sessions)', () => {
  it('requires X-CSRF-Token matching the session on unsafe methods; API keys are exempt', async () => {
    const res = await login('owner@example.com', 'correct horse battery');
    const setCookies = res.headers.getSetCookie();
    const csrfCookie = setCookies.find((c) => c.startsWith('shopwire_csrf='))!;
    expect(csrfCookie).toBeDefined();
    expect(csrfCookie).not.toMatch(/HttpOnly/i);
    expect(csrfCookie).toMatch(/SameSite=Lax/);
    expect(setCookies.find((c) => c.startsWith('shopwire_session='))).toMatch(/HttpOnly/);
    const token = csrfCookie.split(';')[0]!.split('=')[1]!;
    const session = res.sessionCookie!;
    const me = await server.request('GET', '/api/v1/me', { cookie: session });
    expect(me.json.csrfToken).toBe(token);

    const body = { json: { name: 'csrf' } };
    const none = await server.request('POST', '/api/v1/api-keys', { cookie: session, csrf: false, ...body });
    expect(none.status).toBe(403);
    expect(none.json.error.code).toBe('CSRF');
    const wrong = await server.request('POST', '/api/v1/api-keys', {
      cookie: session,
      headers: { 'x-csrf-token': 'x'.repeat(43) },
      ...body,
    });
    expect(wrong.status).toBe(403);
    // another session's token does not fit this one
    const otherToken = (await server.request('GET', '/api/v1/me', { cookie: owner })).json
      .csrfToken as string;
    expect(
      (
        await server.request('POST', '/api/v1/api-keys', {
          cookie: session,
          headers: { 'x-csrf-token': otherToken },
          ...body,
        })
      ).status,
    ).toBe(403);
    const right = await server.request('POST', '/api/v1/api-keys', {
      cookie: session,
      headers: { 'x-csrf-token': token },
      ...body,
    });
    expect(right.status).toBe(201);
    // reads need no token; API keys need none
    expect((await server.request('GET', '/api/v1/workflows', { cookie: session, csrf: false })).status).toBe(
      200,
    );
    expect(
      (
        await server.request('PUT', '/api/v1/variables/FROM_KEY', {
          apiKey: right.json.key,
          json: { value: '1' },
        })
      ).status,
    ).toBe(200);
  });
});

describe('login protection', () => {
  it('locks an account after N failures with 429 + Retry-After, and audits the attempts', async () => {
    await invite('locked@example.com', 'viewer');
    for (let i = 0; i < 3; i++)
      expect((await login('locked@example.com', 'wrong-password')).status).toBe(401);
    const blocked = await login('locked@example.com'); // even the right password
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(blocked.json.error.code).toBe('TOO_MANY_REQUESTS');
    const audit = await asOwner('GET', '/api/v1/audit?actor=locked@example.com&action=auth.login_failed');
    expect(audit.json.items).toHaveLength(3);
    expect(audit.json.items[0]).toMatchObject({
      actorLabel: 'locked@example.com',
      userAgent: 'accounts-test',
      details: { reason: 'password' },
    });
    expect(audit.json.items[0].ip).toMatch(/127\.0\.0\.1/);
    // other accounts are unaffected
    expect((await login('owner@example.com', 'correct horse battery')).status).toBe(200);
  });

  it('re-hashes a legacy scrypt password to argon2id on the next successful login', async () => {
    const user = await server.store.users.create({
      email: 'legacy@example.com',
      name: 'L',
      role: 'viewer',
      passwordHash: await hashPasswordScrypt('old-password-1'),
    });
    expect((await login('legacy@example.com', 'old-password-1')).status).toBe(200);
    const after = await server.store.users.getById(user.id);
    expect(after?.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await login('legacy@example.com', 'old-password-1')).status).toBe(200);
  });

  it('logs out every other session when the password changes', async () => {
    await invite('mover@example.com', 'viewer');
    const a = (await login('mover@example.com')).sessionCookie!;
    const b = (await login('mover@example.com')).sessionCookie!;
    const wrong = await server.request('POST', '/api/v1/me/password', {
      cookie: a,
      json: { currentPassword: 'nope-nope', newPassword: 'new-password-9' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.field).toBe('currentPassword');
    const changed = await server.request('POST', '/api/v1/me/password', {
      cookie: a,
      json: { currentPassword: PW, newPassword: 'new-password-9' },
    });
    expect(changed.json).toEqual({ sessionsRevoked: 1 });
    expect((await server.request('GET', '/api/v1/me', { cookie: b })).status).toBe(401);
    expect((await server.request('GET', '/api/v1/me', { cookie: a })).status).toBe(200);
    expect((await login('mover@example.com')).status).toBe(401);
    expect((await login('mover@example.com', 'new-password-9')).status).toBe(200);
    const key = (await asOwner('POST', '/api/v1/api-keys', { name: 'k' })).json.key as string;
    expect(
      (
        await server.request('POST', '/api/v1/me/password', {
          apiKey: key,
          json: { currentPassword: 'correct horse battery', newPassword: 'x'.repeat(10) },
        })
      ).status,
    ).toBe(403);
  });

  it('enrols TOTP, then requires a valid, unused code at login', async () => {
    await invite('totp@example.com', 'viewer');
    const session = (await login('totp@example.com')).sessionCookie!;
    const enrol = await server.request('POST', '/api/v1/me/totp', { cookie: session });
    expect(enrol.json.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const key = base32Decode(enrol.json.secret);
    expect(
      (await server.request('POST', '/api/v1/me/totp/confirm', { cookie: session, json: { code: '000000' } }))
        .status,
    ).toBe(400);
    const confirm = await server.request('POST', '/api/v1/me/totp/confirm', {
      cookie: session,
      json: { code: totpCode({ key, timeMs: Date.now() }) },
    });
    expect(confirm.json).toEqual({ totpEnabled: true });

    const noCode = await login('totp@example.com');
    expect(noCode.status).toBe(401);
    expect(noCode.json.error.code).toBe('TOTP_REQUIRED');
    expect(noCode.sessionCookie).toBeUndefined();
    expect((await login('totp@example.com', PW, { totpCode: '123456' })).json.error.code).toMatch(
      /TOTP_INVALID/,
    );
    // the next step's code (inside the ±1 window) — the current one was spent on confirm
    const code = totpCode({ key, timeMs: Date.now() + 30_000 });
    const ok = await login('totp@example.com', PW, { totpCode: code });
    expect(ok.status).toBe(200);
    expect(ok.json.user.totpEnabled).toBe(true);
    const replay = await login('totp@example.com', PW, { totpCode: code });
    expect(replay.status).toBe(401);
    // turning it off needs the password
    expect(
      (
        await server.request('POST', '/api/v1/me/totp/disable', {
          cookie: ok.sessionCookie!,
          json: { password: 'nope' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await server.request('POST', '/api/v1/me/totp/disable', {
          cookie: ok.sessionCookie!,
          json: { password: PW },
        })
      ).json,
    ).toEqual({ totpEnabled: false });
    expect((await login('totp@example.com')).status).toBe(200);
  });
});

describe('users, roles and projects', () => {
  it('guards the owner role and the last owner', async () => {
    await invite('boss@example.com', 'admin');
    const admin = (await login('boss@example.com')).sessionCookie!;
    const ownerId = (await asOwner('GET', '/api/v1/me')).json.user.id as string;
    const mkOwner = await server.request('POST', '/api/v1/users', {
      cookie: admin,
      json: { email: 'o2@example.com', name: 'O2', role: 'owner', password: PW },
    });
    expect(mkOwner.status).toBe(403);
    expect(
      (await server.request('PATCH', `/api/v1/users/${ownerId}`, { cookie: admin, json: { role: 'viewer' } }))
        .status,
    ).toBe(403);
    expect((await server.request('DELETE', `/api/v1/users/${ownerId}`, { cookie: admin })).status).toBe(403);
    expect((await asOwner('PATCH', `/api/v1/users/${ownerId}`, { role: 'admin' })).status).toBe(409);
    expect((await asOwner('DELETE', `/api/v1/users/${ownerId}`)).status).toBe(409);
    const target = await invite('promote@example.com', 'viewer');
    const promoted = await server.request('PATCH', `/api/v1/users/${target}`, {
      cookie: admin,
      json: { role: 'editor' },
    });
    expect(promoted.json.role).toBe('editor');
    const audit = await asOwner('GET', `/api/v1/audit?action=user.role_change`);
    expect(audit.json.items[0]).toMatchObject({
      targetId: target,
      actorLabel: 'boss@example.com',
      details: { from: 'viewer', to: 'editor' },
    });
    expect(
      (await asOwner('GET', '/api/v1/users')).json.items.map((u: { email: string }) => u.email),
    ).toContain('promote@example.com');
    expect((await server.request('DELETE', `/api/v1/users/${target}`, { cookie: admin })).status).toBe(204);
  });

  it('scopes lists and creates to the projects a member belongs to, with their project role', async () => {
    const shop = (await asOwner('POST', '/api/v1/projects', { name: 'Corner shop' })).json;
    const edId = await invite('shop-ed@example.com', 'editor');
    const ed = (await login('shop-ed@example.com')).sessionCookie!;
    // no membership yet: no projects, default project forbidden
    expect((await server.request('GET', '/api/v1/projects', { cookie: ed })).json.items).toEqual([]);
    expect((await server.request('GET', '/api/v1/workflows', { cookie: ed })).status).toBe(403);
    expect(
      (await asOwner('POST', `/api/v1/projects/${shop.id}/members`, { userId: edId, role: 'viewer' })).status,
    ).toBe(201);
    const q = `?projectId=${shop.id}`;
    expect((await server.request('GET', `/api/v1/workflows${q}`, { cookie: ed })).status).toBe(200);
    expect(
      (await server.request('POST', `/api/v1/workflows${q}`, { cookie: ed, json: manualWorkflow('no') }))
        .status,
    ).toBe(403);
    expect(
      (await asOwner('PATCH', `/api/v1/projects/${shop.id}/members/${edId}`, { role: 'editor' })).json.role,
    ).toBe('editor');
    const created = await server.request('POST', `/api/v1/workflows${q}`, {
      cookie: ed,
      json: manualWorkflow('shop flow'),
    });
    expect(created.status).toBe(201);
    expect((await server.request('GET', '/api/v1/projects', { cookie: ed })).json.items).toMatchObject([
      { id: shop.id, role: 'editor' },
    ]);
    // the owner sees it in that project only
    const names = async (url: string) =>
      (await asOwner('GET', url)).json.items.map((w: { name: string }) => w.name);
    expect(await names(`/api/v1/workflows${q}`)).toEqual(['shop flow']);
    expect(await names('/api/v1/workflows')).not.toContain('shop flow');
    expect((await asOwner('GET', '/api/v1/workflows?projectId=nope')).status).toBe(404);
    // run, then the execution belongs to the project
    const run = await server.request('POST', `/api/v1/workflows/${created.json.id}/run`, {
      cookie: ed,
      json: { wait: true },
    });
    expect(run.json.status).toBe('success');
    expect((await server.request('GET', `/api/v1/executions${q}`, { cookie: ed })).json.items).toHaveLength(
      1,
    );
    // removed: everything in the project is forbidden again
    expect((await asOwner('DELETE', `/api/v1/projects/${shop.id}/members/${edId}`)).status).toBe(204);
    expect((await server.request('GET', `/api/v1/workflows/${created.json.id}`, { cookie: ed })).status).toBe(
      403,
    );
    expect((await server.request('GET', `/api/v1/executions/${run.json.id}`, { cookie: ed })).status).toBe(
      403,
    );
    const actions = (await asOwner('GET', '/api/v1/audit?limit=500')).json.items.map(
      (e: { action: string }) => e.action,
    );
    for (const a of [
      'project.create',
      'project.member_add',
      'project.member_update',
      'project.member_remove',
      'workflow.create',
    ])
      expect(actions).toContain(a);
  });

  it('limits API keys to their scope and records last use', async () => {
    const wf = (await asOwner('POST', '/api/v1/workflows', manualWorkflow('keyed'))).json;
    const key = async (scope: string) =>
      (await asOwner('POST', '/api/v1/api-keys', { name: scope, scope })).json.key as string;
    const read = await key('read');
    const exec = await key('execute');
    expect((await server.request('GET', `/api/v1/workflows/${wf.id}`, { apiKey: read })).status).toBe(200);
    expect(
      (await server.request('POST', `/api/v1/workflows/${wf.id}/run`, { apiKey: read, json: {} })).status,
    ).toBe(403);
    expect(
      (await server.request('POST', `/api/v1/workflows/${wf.id}/run`, { apiKey: exec, json: {} })).status,
    ).toBe(202);
    expect(
      (await server.request('PUT', `/api/v1/workflows/${wf.id}`, { apiKey: exec, json: manualWorkflow('x') }))
        .status,
    ).toBe(403);
    expect(
      (
        await server.request('POST', '/api/v1/api-keys', {
          apiKey: exec,
          json: { name: 'escalate', scope: 'manage' },
        })
      ).status,
    ).toBe(403);
    const me = await server.request('GET', '/api/v1/me', { apiKey: read });
    expect(me.json).toMatchObject({ via: 'apiKey', apiKeyScope: 'read' });
    expect(me.json.csrfToken).toBeUndefined();
    const listed = (await asOwner('GET', '/api/v1/api-keys')).json.items.find(
      (k: { name: string }) => k.name === 'read',
    );
    expect(listed).toMatchObject({ scope: 'read' });
    expect(listed.lastUsedAt).not.toBeNull();
  });
});

describe('audit log', () => {
  it('records workflow changes with who and from where, pages with a cursor, and has no write API', async () => {
    const wf = (await asOwner('POST', '/api/v1/workflows', manualWorkflow('audited'))).json;
    await asOwner('PUT', `/api/v1/workflows/${wf.id}`, manualWorkflow('audited v2'));
    await asOwner('DELETE', `/api/v1/workflows/${wf.id}`);
    const entries = (await asOwner('GET', '/api/v1/audit?limit=500')).json.items.filter(
      (e: { targetId: string }) => e.targetId === wf.id,
    );
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'workflow.delete',
      'workflow.update',
      'workflow.create',
    ]);
    expect(entries[0]).toMatchObject({
      actorLabel: 'owner@example.com',
      targetType: 'workflow',
      projectId: 'default',
    });
    const page1 = await asOwner('GET', '/api/v1/audit?limit=2');
    const page2 = await asOwner('GET', `/api/v1/audit?limit=2&cursor=${page1.json.nextCursor}`);
    expect(page2.json.items[0].at <= page1.json.items[1].at).toBe(true);
    expect(page2.json.items[0].id).not.toBe(page1.json.items[1].id);
    const future = await asOwner('GET', '/api/v1/audit?from=2999-01-01');
    expect(future.json.items).toEqual([]);
    expect((await asOwner('GET', '/api/v1/audit?from=yesterday')).json.error.field).toBe('query.from');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(
        (await server.request(method, `/api/v1/audit/${entries[0].id}`, { cookie: owner, json: {} })).status,
      ).toBe(404);
  });
});
