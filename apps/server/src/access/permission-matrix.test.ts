import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../routes/route-def.js';
import {
  csrfHeader,
  manualWorkflow,
  setupOwner,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';
import { assertRoutePermissions } from './route-rules.js';

/**
 * Every route of the app, called as every kind of principal, against a DECLARED expectation
 * (written here, independently of the permission rules). A route without an expectation fails.
 * 'ok' = passes the permission check (2xx, or a 4xx other than 401/403 such as 400/404/409).
 */

type Principal =
  'anon' | 'viewer' | 'editorOther' | 'keyRead' | 'keyExecute' | 'editor' | 'keyManage' | 'admin' | 'owner';
type Outcome = 'ok' | 403 | 401;
type Profile = Record<Principal, Outcome>;

// denied principals first, so a DELETE by an allowed one cannot turn a later 403 into a 404
const PRINCIPALS: Principal[] = [
  'anon',
  'viewer',
  'editorOther',
  'keyRead',
  'keyExecute',
  'editor',
  'keyManage',
  'admin',
  'owner',
];

const profile = (denied: Partial<Record<Principal, 403 | 401>>): Profile =>
  Object.fromEntries(PRINCIPALS.map((p) => [p, denied[p] ?? 'ok'])) as Profile;

const PUBLIC = profile({});
const SIGNED_IN = profile({ anon: 401 });
const SELF_WRITE = profile({ anon: 401, keyRead: 403, keyExecute: 403 });
const ACCOUNT = profile({ anon: 401, keyRead: 403, keyExecute: 403, keyManage: 403 });
const P_READ = profile({ anon: 401, editorOther: 403 });
const P_WRITE = profile({ anon: 401, editorOther: 403, viewer: 403, keyRead: 403, keyExecute: 403 });
const P_EXECUTE = profile({ anon: 401, editorOther: 403, viewer: 403, keyRead: 403 });
const P_MANAGE = profile({
  anon: 401,
  editor: 403,
  editorOther: 403,
  viewer: 403,
  keyRead: 403,
  keyExecute: 403,
});
const ADMIN_READ = profile({ anon: 401, editor: 403, editorOther: 403, viewer: 403 });
const ADMIN_WRITE = profile({
  anon: 401,
  editor: 403,
  editorOther: 403,
  viewer: 403,
  keyRead: 403,
  keyExecute: 403,
});

const EXPECTED: Record<string, Profile> = {
  'GET /healthz': PUBLIC,
  'GET /readyz': PUBLIC,
  'GET /api/v1/setup': PUBLIC,
  'POST /api/v1/setup': PUBLIC,
  'POST /api/v1/login': PUBLIC,
  'POST /api/v1/logout': SELF_WRITE,
  'GET /api/v1/me': SIGNED_IN,
  'POST /api/v1/me/password': ACCOUNT,
  'POST /api/v1/me/totp': ACCOUNT,
  'POST /api/v1/me/totp/confirm': ACCOUNT,
  'POST /api/v1/me/totp/disable': ACCOUNT,
  'GET /api/v1/api-keys': SIGNED_IN,
  'POST /api/v1/api-keys': SELF_WRITE,
  'DELETE /api/v1/api-keys/:id': SELF_WRITE,
  'GET /api/v1/users': ADMIN_READ,
  'POST /api/v1/users': ADMIN_WRITE,
  'PATCH /api/v1/users/:id': ADMIN_WRITE,
  'DELETE /api/v1/users/:id': ADMIN_WRITE,
  'GET /api/v1/projects': SIGNED_IN,
  'POST /api/v1/projects': ADMIN_WRITE,
  'GET /api/v1/projects/:id/members': P_READ,
  'POST /api/v1/projects/:id/members': P_MANAGE,
  'PATCH /api/v1/projects/:id/members/:userId': P_MANAGE,
  'DELETE /api/v1/projects/:id/members/:userId': P_MANAGE,
  'GET /api/v1/audit': ADMIN_READ,
  'GET /api/v1/openapi.json': SIGNED_IN,
  'GET /api/v1/node-types': SIGNED_IN,
  'GET /api/v1/node-types/:type': SIGNED_IN,
  'GET /api/v1/credential-types': SIGNED_IN,
  'GET /api/v1/workflows': P_READ,
  'POST /api/v1/workflows': P_WRITE,
  'POST /api/v1/workflows/import': P_WRITE,
  'GET /api/v1/workflows/:id': P_READ,
  'PUT /api/v1/workflows/:id': P_WRITE,
  'DELETE /api/v1/workflows/:id': P_WRITE,
  'GET /api/v1/workflows/:id/versions': P_READ,
  'GET /api/v1/workflows/:id/versions/:version': P_READ,
  'POST /api/v1/workflows/:id/versions/:version/restore': P_WRITE,
  'POST /api/v1/workflows/:id/activate': P_WRITE,
  'POST /api/v1/workflows/:id/deactivate': P_WRITE,
  'GET /api/v1/workflows/:id/export': P_READ,
  'POST /api/v1/workflows/:id/run': P_EXECUTE,
  'POST /api/v1/workflows/:id/test-webhook': P_EXECUTE,
  'GET /api/v1/workflows/:id/events': P_READ,
  'GET /api/v1/executions': P_READ,
  'GET /api/v1/executions/:id': P_READ,
  'POST /api/v1/executions/:id/retry': P_EXECUTE,
  'POST /api/v1/executions/:id/cancel': P_EXECUTE,
  'DELETE /api/v1/executions/:id': P_WRITE,
  'GET /api/v1/executions/:id/events': P_READ,
  'GET /api/v1/credentials': P_READ,
  'POST /api/v1/credentials': P_WRITE,
  'GET /api/v1/credentials/:id': P_READ,
  'PATCH /api/v1/credentials/:id': P_WRITE,
  'DELETE /api/v1/credentials/:id': P_WRITE,
  'POST /api/v1/credentials/:id/test': P_WRITE,
  'GET /api/v1/variables': P_READ,
  'PUT /api/v1/variables/:key': P_WRITE,
  'DELETE /api/v1/variables/:key': P_WRITE,
  'POST /api/v1/expressions/preview': P_WRITE,
  'GET /api/v1/templates': P_READ,
  'GET /api/v1/templates/:id': P_READ,
  'POST /api/v1/templates/:id/import': P_WRITE,
};

let server: TestServer;
const cookies: Partial<Record<Principal, string>> = {};
const keys: Partial<Record<Principal, string>> = {};
const ids: Record<string, string> = {};

async function login(email: string): Promise<string> {
  const res = await server.request('POST', '/api/v1/login', { json: { email, password: 'password-123' } });
  if (!res.sessionCookie) throw new Error(`login ${email}: ${res.status} ${res.text}`);
  return res.sessionCookie;
}

beforeAll(async () => {
  server = await startTestServer();
  const owner = await setupOwner(server);
  cookies.owner = owner;
  const as = (method: string, path: string, json?: unknown) =>
    server.request(method, path, { cookie: owner, json });
  const other = await as('POST', '/api/v1/projects', { name: 'Other shop' });
  ids['otherProject'] = other.json.id;
  const mk = async (email: string, role: string, projects: { projectId: string; role: string }[] = []) => {
    const res = await as('POST', '/api/v1/users', {
      email,
      name: email,
      role,
      password: 'password-123',
      projects,
    });
    expect(res.status).toBe(201);
    return res.json.id as string;
  };
  await mk('admin@example.com', 'admin');
  await mk('editor@example.com', 'editor', [{ projectId: 'default', role: 'editor' }]);
  await mk('other@example.com', 'editor', [{ projectId: ids['otherProject']!, role: 'editor' }]);
  await mk('viewer@example.com', 'viewer', [{ projectId: 'default', role: 'viewer' }]);
  ids['victimUser'] = await mk('victim@example.com', 'viewer');
  ids['victimMember'] = await mk('member@example.com', 'viewer', [{ projectId: 'default', role: 'viewer' }]);
  cookies.admin = await login('admin@example.com');
  cookies.editor = await login('editor@example.com');
  cookies.editorOther = await login('other@example.com');
  cookies.viewer = await login('viewer@example.com');
  for (const [p, scope] of [
    ['keyRead', 'read'],
    ['keyExecute', 'execute'],
    ['keyManage', 'manage'],
  ] as const) {
    keys[p] = (await as('POST', '/api/v1/api-keys', { name: p, scope })).json.key;
  }
  ids['victimKey'] = (await as('POST', '/api/v1/api-keys', { name: 'victim', scope: 'read' })).json.id;

  const wf = await as('POST', '/api/v1/workflows', manualWorkflow('matrix'));
  ids['workflow'] = wf.json.id;
  const run = await as('POST', `/api/v1/workflows/${wf.json.id}/run`, { wait: true });
  ids['execution'] = run.json.id;
  const cred = await as('POST', '/api/v1/credentials', {
    name: 'hdr',
    type: 'core.httpHeaderAuth',
    data: { name: 'X-Key', value: 'matrix-secret' },
  });
  ids['credential'] = cred.json.id;
  await as('PUT', '/api/v1/variables/V', { value: '1' });
}, 60_000);

afterAll(async () => {
  await server.stop();
});

function urlFor(path: string): string {
  const param: Record<string, string> = {
    '/api/v1/workflows/:id': ids['workflow']!,
    '/api/v1/executions/:id': ids['execution']!,
    '/api/v1/credentials/:id': ids['credential']!,
    '/api/v1/users/:id': ids['victimUser']!,
    '/api/v1/api-keys/:id': ids['victimKey']!,
    '/api/v1/projects/:id': 'default',
    '/api/v1/templates/:id': 'no-such-template',
  };
  let url = path;
  for (const [prefix, value] of Object.entries(param))
    if (url.startsWith(prefix)) url = value ? prefix.replace(/:id$/, value) + url.slice(prefix.length) : url;
  return url
    .replace(':version', '1')
    .replace(':userId', ids['victimMember']!)
    .replace(':key', 'V')
    .replace(':type', 'core.set');
}

/** One real HTTP call; event streams are closed as soon as the status is known. */
async function call(
  principal: Principal,
  method: string,
  path: string,
): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {};
  const cookie = cookies[principal];
  const key = keys[principal];
  if (cookie) {
    headers['cookie'] = cookie;
    Object.assign(headers, csrfHeader(cookie));
  }
  if (key) headers['authorization'] = `Bearer ${key}`;
  let body: string | undefined;
  if (method !== 'GET' && method !== 'DELETE') {
    body = '{}';
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`http://127.0.0.1:${server.port}${urlFor(path)}`, { method, headers, body });
  if (res.headers.get('content-type')?.includes('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, body: '' };
  }
  return { status: res.status, body: await res.text() };
}

describe('permission matrix', () => {
  it('has a declared expectation for every route of the app, and every principal gets it', async () => {
    const seen = new Set<string>();
    for (const r of server.app.routes) {
      if (r.method === 'ALL') continue;
      if (!r.path.startsWith('/api/v1/') && r.path !== '/healthz' && r.path !== '/readyz') continue;
      seen.add(`${r.method} ${r.path}`);
    }
    const routes = [...seen];
    const missing = routes.filter((k) => !EXPECTED[k]);
    expect(missing, 'routes without an expectation in permission-matrix.test.ts').toEqual([]);
    expect(routes.length).toBeGreaterThan(55);

    // side-effect order: reads and updates, then deletes, then logout last
    const rank = (k: string) => (k === 'POST /api/v1/logout' ? 2 : k.startsWith('DELETE ') ? 1 : 0);
    routes.sort((a, b) => rank(a) - rank(b));
    const failures: string[] = [];
    for (const key of routes) {
      const [method, path] = key.split(' ') as [string, string];
      for (const principal of PRINCIPALS) {
        const expected = EXPECTED[key]![principal];
        const { status, body } = await call(principal, method, path);
        const actual: Outcome = status === 401 ? 401 : status === 403 ? 403 : 'ok';
        if (actual !== expected)
          failures.push(`${key} as ${principal}: expected ${expected}, got ${status} ${body.slice(0, 160)}`);
        if (status >= 500)
          failures.push(`${key} as ${principal}: server error ${status} ${body.slice(0, 160)}`);
        if (status === 403) expect(JSON.parse(body).error.code).toBe('FORBIDDEN');
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses to register a route without a permission rule', () => {
    const bare = {
      method: 'get',
      path: '/api/v1/new-thing',
      summary: 's',
      tag: 't',
      handler: async () => ({}),
    };
    expect(() => assertRoutePermissions([bare as unknown as RouteDef])).toThrow(
      /GET \/api\/v1\/new-thing has no permission rule/,
    );
    const mismatched = { ...bare, public: true, permission: { scope: 'self', action: 'self:read' } };
    expect(() => assertRoutePermissions([mismatched as unknown as RouteDef])).toThrow(/must go together/);
  });
});
