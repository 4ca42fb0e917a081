import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, startTestServer, type TestServer } from '../test-support/test-server.js';

const PUBLIC = new Set(['GET /api/v1/setup', 'POST /api/v1/setup', 'POST /api/v1/login']);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe('authentication', () => {
  it('requires a session or API key on every /api/v1 route except setup and login', async () => {
    const seen = new Set<string>();
    for (const r of server.app.routes) {
      if (r.method === 'ALL' || !r.path.startsWith('/api/v1/')) continue;
      const key = `${r.method} ${r.path}`;
      if (seen.has(key) || PUBLIC.has(key)) continue;
      seen.add(key);
      const url = r.path.replace(/:[A-Za-z]+/g, 'x');
      const res = await server.request(
        r.method,
        url,
        r.method === 'GET' || r.method === 'DELETE' ? {} : { json: {} },
      );
      expect({ key, status: res.status }).toEqual({ key, status: 401 });
      expect(res.json.error.code).toBe('UNAUTHENTICATED');
    }
    expect(seen.size).toBeGreaterThan(30);
  });

  it('keeps /healthz and /readyz public', async () => {
    expect((await server.request('GET', '/healthz')).json).toEqual({ status: 'ok' });
    const ready = await server.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json.checks).toEqual({ store: 'ok', registry: 'ok', sandbox: 'ok' });
  });

  it('sets security headers and no CORS headers', async () => {
    const res = await server.request('GET', '/api/v1/setup', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('runs setup once, then logs in and out with a session cookie', async () => {
    expect((await server.request('GET', '/api/v1/setup')).json).toEqual({ needsSetup: true });
    const weak = await server.request('POST', '/api/v1/setup', {
      json: { email: 'o@example.com', name: 'O', password: 'short' },
    });
    expect(weak.status).toBe(400);
    expect(weak.json.error.field).toBe('password');

    const cookie = await setupOwner(server, 'correct horse battery');
    expect((await server.request('GET', '/api/v1/setup')).json).toEqual({ needsSetup: false });
    const again = await server.request('POST', '/api/v1/setup', {
      json: { email: 'x@example.com', name: 'X', password: 'password123' },
    });
    expect(again.status).toBe(409);

    const me = await server.request('GET', '/api/v1/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ user: { email: 'owner@example.com', role: 'owner' }, via: 'session' });
    expect(me.text).not.toContain('passwordHash');
    expect(me.text).not.toContain('scrypt');

    const wrong = await server.request('POST', '/api/v1/login', {
      json: { email: 'owner@example.com', password: 'nope-nope' },
    });
    expect(wrong.status).toBe(401);
    const unknown = await server.request('POST', '/api/v1/login', {
      json: { email: 'nobody@example.com', password: 'nope-nope' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.message).toBe(wrong.json.error.message);

    const login = await server.request('POST', '/api/v1/login', {
      json: { email: 'OWNER@example.com', password: 'correct horse battery' },
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    const session = login.sessionCookie!;
    expect((await server.request('GET', '/api/v1/me', { cookie: session })).status).toBe(200);

    const behindTls = await server.request('POST', '/api/v1/login', {
      json: { email: 'owner@example.com', password: 'correct horse battery' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(behindTls.headers.getSetCookie().join('\n')).toMatch(/Secure/);

    expect((await server.request('POST', '/api/v1/logout', { cookie: session })).status).toBe(204);
    expect((await server.request('GET', '/api/v1/me', { cookie: session })).status).toBe(401);
    expect((await server.request('GET', '/api/v1/me', { cookie })).status).toBe(200);
    expect((await server.request('GET', '/api/v1/me', { cookie: 'shopwire_session=forged' })).status).toBe(
      401,
    );
  });

  it('creates, uses (both headers), lists and revokes API keys', async () => {
    const login = await server.request('POST', '/api/v1/login', {
      json: { email: 'owner@example.com', password: 'correct horse battery' },
    });
    const cookie = login.sessionCookie!;
    const created = await server.request('POST', '/api/v1/api-keys', { cookie, json: { name: 'ci' } });
    expect(created.status).toBe(201);
    const key = created.json.key as string;
    expect(key).toMatch(/^sw_[A-Za-z0-9_-]{43}$/);

    const viaBearer = await server.request('GET', '/api/v1/me', { apiKey: key });
    expect(viaBearer.json.via).toBe('apiKey');
    const viaHeader = await server.request('GET', '/api/v1/me', { headers: { 'x-api-key': key } });
    expect(viaHeader.status).toBe(200);
    expect((await server.request('GET', '/api/v1/me', { apiKey: 'sw_wrong' })).status).toBe(401);

    const list = await server.request('GET', '/api/v1/api-keys', { cookie });
    expect(list.json.items.map((k: { name: string }) => k.name)).toContain('ci');
    expect(list.text).not.toContain(key);

    expect((await server.request('DELETE', `/api/v1/api-keys/${created.json.id}`, { cookie })).status).toBe(
      204,
    );
    expect((await server.request('GET', '/api/v1/me', { apiKey: key })).status).toBe(401);
    expect((await server.request('DELETE', `/api/v1/api-keys/${created.json.id}`, { cookie })).status).toBe(
      404,
    );
    expect(server.logs.join('\n')).not.toContain(key);
  });
});
