import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, startTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * A known secret goes into a credential; then every route of the app is exercised, a workflow
 * USES the credential against a local server (header auth), the workflow is exported, and the
 * secret must appear in no response body, no log line, no stored execution data and no audit
 * entry — and not in plaintext in the database files.
 */

const SECRET = 'sk_live_ZEBRA-7f3a9c41d2-SECRET';

let server: TestServer;
let upstream: http.Server;
let upstreamUrl = '';
const seenKeys: string[] = [];
let cookie = '';

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seenKeys.push(String(req.headers['x-shop-key'] ?? ''));
    if (req.url?.startsWith('/fail')) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'upstream broke' }));
      return;
    }
    const ok = req.headers['x-shop-key'] === SECRET;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ authorized: ok, orders: [{ id: 1 }] }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  // the SSRF guard blocks loopback by default; this test's upstream lives there
  server = await startTestServer({ SHOPWIRE_ALLOW_PRIVATE_NETWORKS: 'true' });
  cookie = await setupOwner(server);
}, 60_000);

afterAll(async () => {
  await server.stop();
  await new Promise((resolve) => upstream.close(resolve));
});

function workflowUsing(credentialId: string, url: string, name: string) {
  return {
    name,
    nodes: [
      { id: 'start', name: 'Start', type: 'core.manualTrigger', params: {} },
      {
        id: 'call',
        name: 'Call shop',
        type: 'core.httpRequest',
        params: { url, authentication: 'credential', authType: 'header', maxRetries: 0 },
        credentials: { auth: credentialId },
      },
    ],
    connections: [{ from: { node: 'start' }, to: { node: 'call' } }],
  };
}

describe('credential secrets', () => {
  it('lets an editor USE a project credential without reading it; other projects cannot use it', async () => {
    const owner = (body: unknown, url: string) => server.request('POST', url, { cookie, json: body });
    const cred = await owner(
      { name: 'Shop key', type: 'core.httpHeaderAuth', data: { name: 'X-Shop-Key', value: SECRET } },
      '/api/v1/credentials',
    );
    const other = await owner({ name: 'Other shop' }, '/api/v1/projects');
    await owner(
      {
        email: 'ed@example.com',
        name: 'Ed',
        role: 'editor',
        password: 'password-123',
        projects: [{ projectId: 'default', role: 'editor' }],
      },
      '/api/v1/users',
    );
    await owner(
      {
        email: 'oz@example.com',
        name: 'Oz',
        role: 'editor',
        password: 'password-123',
        projects: [{ projectId: other.json.id, role: 'editor' }],
      },
      '/api/v1/users',
    );
    const login = async (email: string) =>
      (await server.request('POST', '/api/v1/login', { json: { email, password: 'password-123' } }))
        .sessionCookie!;
    const ed = await login('ed@example.com');
    const oz = await login('oz@example.com');

    const visible = await server.request('GET', `/api/v1/credentials/${cred.json.id}`, { cookie: ed });
    expect(visible.json).toMatchObject({ fields: { name: 'X-Shop-Key' }, secretFieldsSet: ['value'] });
    expect(visible.text).not.toContain(SECRET);
    const wf = await server.request('POST', '/api/v1/workflows', {
      cookie: ed,
      json: workflowUsing(cred.json.id, `${upstreamUrl}/orders`, 'ed'),
    });
    expect(wf.status).toBe(201);
    seenKeys.length = 0;
    const run = await server.request('POST', `/api/v1/workflows/${wf.json.id}/run`, {
      cookie: ed,
      json: { wait: true },
    });
    expect(run.json.status).toBe('success');
    expect(seenKeys).toEqual([SECRET]);
    expect(run.text).not.toContain(SECRET);

    // Oz (editor of another project) can neither see it nor use it by id
    expect((await server.request('GET', `/api/v1/credentials/${cred.json.id}`, { cookie: oz })).status).toBe(
      403,
    );
    const ozWf = await server.request('POST', `/api/v1/workflows?projectId=${other.json.id}`, {
      cookie: oz,
      json: workflowUsing(cred.json.id, `${upstreamUrl}/orders`, 'oz'),
    });
    expect(ozWf.status).toBe(201);
    seenKeys.length = 0;
    const ozRun = await server.request('POST', `/api/v1/workflows/${ozWf.json.id}/run`, {
      cookie: oz,
      json: { wait: true },
    });
    expect(ozRun.json.status).toBe('error');
    expect(JSON.stringify(ozRun.json)).toMatch(/does not exist/);
    expect(seenKeys).toEqual([]);
  });

  it('never leave the server: responses, logs, execution data, exports, audit, database files', async () => {
    const bodies: string[] = [];
    const api = async (method: string, url: string, json?: unknown) => {
      const res = await server.request(method, url, { cookie, json });
      bodies.push(res.text, JSON.stringify(Object.fromEntries(res.headers)));
      return res;
    };
    const cred = await api('POST', '/api/v1/credentials', {
      name: 'Shop key',
      type: 'core.httpHeaderAuth',
      data: { name: 'X-Shop-Key', value: SECRET },
    });
    expect(cred.status).toBe(201);
    const credId = cred.json.id as string;
    const wf = await api(
      'POST',
      '/api/v1/workflows',
      workflowUsing(credId, `${upstreamUrl}/orders`, 'uses secret'),
    );
    const failing = await api(
      'POST',
      '/api/v1/workflows',
      workflowUsing(credId, `${upstreamUrl}/fail`, 'fails'),
    );

    // the credential is USED: the upstream saw the secret and authorised the call
    const run = await api('POST', `/api/v1/workflows/${wf.json.id}/run`, { wait: true });
    expect(run.json.status).toBe('success');
    expect(seenKeys).toContain(SECRET);
    expect(JSON.stringify(run.json.steps)).toContain('"authorized":true');
    const failed = await api('POST', `/api/v1/workflows/${failing.json.id}/run`, { wait: true });
    expect(failed.json.status).toBe('error');

    // every route of the app, with real ids
    const ids: Record<string, string> = { workflow: wf.json.id, execution: run.json.id, credential: credId };
    const routes = new Set<string>();
    for (const r of server.app.routes) {
      if (r.method === 'ALL' || !r.path.startsWith('/api/v1/')) continue;
      if (r.path.endsWith('/events') || r.path === '/api/v1/logout' || r.method === 'DELETE') continue;
      routes.add(`${r.method} ${r.path}`);
    }
    for (const key of routes) {
      const [method, routePath] = key.split(' ') as [string, string];
      const url = routePath
        .replace(/^\/api\/v1\/workflows\/:id/, `/api/v1/workflows/${ids['workflow']}`)
        .replace(/^\/api\/v1\/executions\/:id/, `/api/v1/executions/${ids['execution']}`)
        .replace(/^\/api\/v1\/credentials\/:id/, `/api/v1/credentials/${ids['credential']}`)
        .replace(':version', '1')
        .replace(':key', 'V')
        .replace(':type', 'core.httpRequest')
        .replace(':id', 'default')
        .replace(':userId', 'nobody');
      await api(method, url, method === 'GET' ? undefined : {});
    }
    await api('PATCH', `/api/v1/credentials/${credId}`, { name: 'Shop key (renamed)' });
    await api('POST', `/api/v1/credentials/${credId}/test`, {});
    const exported = await api('GET', `/api/v1/workflows/${wf.json.id}/export`);
    expect(exported.json.nodes[1].credentials).toEqual({ auth: credId });
    await api('GET', '/api/v1/audit?limit=500');

    const leaks: string[] = [];
    for (const [i, text] of bodies.entries())
      if (text.includes(SECRET)) leaks.push(`response ${i}: ${text.slice(0, 200)}`);
    for (const line of server.logs) if (line.includes(SECRET)) leaks.push(`log: ${line.slice(0, 200)}`);
    const executions = await server.store.executions.list({ limit: 250 });
    expect(executions.items.length).toBeGreaterThanOrEqual(2);
    for (const e of executions.items) {
      const stored = JSON.stringify({
        e,
        steps: await server.store.executions.steps(e.id),
        input: await server.store.executions.getRunInput(e.id),
      });
      if (stored.includes(SECRET)) leaks.push(`execution ${e.id}`);
    }
    const auditEntries = await server.store.audit.list({ limit: 500 });
    if (JSON.stringify(auditEntries).includes(SECRET)) leaks.push('audit log');
    expect(leaks).toEqual([]);

    // using it was audited (without the data)
    const uses = auditEntries.items.filter((e) => e.action === 'credential.use' && e.targetId === credId);
    expect(uses.length).toBeGreaterThanOrEqual(2);
    expect(uses[0]).toMatchObject({
      actorLabel: 'system',
      projectId: 'default',
      details: { type: 'core.httpHeaderAuth' },
    });

    // and at rest it is only ciphertext
    await server.store.close().catch(() => undefined);
    for (const file of fs.readdirSync(server.dataDir).filter((f) => f.startsWith('shopwire.db'))) {
      expect(fs.readFileSync(path.join(server.dataDir, file)).includes(Buffer.from(SECRET)), file).toBe(
        false,
      );
    }
  }, 90_000);
});
