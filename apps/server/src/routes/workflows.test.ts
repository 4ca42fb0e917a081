import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  manualWorkflow,
  csrfHeader,
  sendLargeBody,
  setupOwner,
  startTestServer,
  webhookWorkflow,
  type TestServer,
} from '../test-support/test-server.js';

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = await setupOwner(server);
});
afterAll(async () => {
  await server.stop();
});

const api = (method: string, path: string, json?: unknown) =>
  server.request(method, path, json === undefined ? { cookie } : { cookie, json });

describe('workflow routes', () => {
  it('creates, reads, lists, updates with versions and restores', async () => {
    const created = await api('POST', '/api/v1/workflows', manualWorkflow('Orders'));
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(created.json).toMatchObject({ name: 'Orders', version: 1, active: false, nodeCount: 2 });

    const got = await api('GET', `/api/v1/workflows/${id}`);
    expect(got.json.document.nodes).toHaveLength(2);

    const list = await api('GET', '/api/v1/workflows?search=Ord');
    expect(list.json.items.map((w: { id: string }) => w.id)).toContain(id);
    expect((await api('GET', '/api/v1/workflows?search=zzz')).json.items).toHaveLength(0);

    const renamed = { ...manualWorkflow('Orders v2'), expectedVersion: 1 };
    const updated = await api('PUT', `/api/v1/workflows/${id}`, renamed);
    expect(updated.status).toBe(200);
    expect(updated.json.version).toBe(2);

    const stale = await api('PUT', `/api/v1/workflows/${id}?expectedVersion=1`, manualWorkflow('Orders v3'));
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CONFLICT');
    const staleBody = await api('PUT', `/api/v1/workflows/${id}`, {
      ...manualWorkflow('Orders v3'),
      expectedVersion: 1,
    });
    expect(staleBody.status).toBe(409);

    const versions = await api('GET', `/api/v1/workflows/${id}/versions`);
    expect(versions.json.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = await api('GET', `/api/v1/workflows/${id}/versions/1`);
    expect(v1.json.document.name).toBe('Orders');
    expect((await api('GET', `/api/v1/workflows/${id}/versions/99`)).status).toBe(404);

    const restored = await api('POST', `/api/v1/workflows/${id}/versions/1/restore`);
    expect(restored.json).toMatchObject({ version: 3, name: 'Orders' });

    const exported = await api('GET', `/api/v1/workflows/${id}/export`);
    expect(exported.json).toMatchObject({ id, name: 'Orders' });
    expect(exported.headers.get('content-disposition')).toContain('Orders.json');

    expect((await api('DELETE', `/api/v1/workflows/${id}`)).status).toBe(204);
    expect((await api('GET', `/api/v1/workflows/${id}`)).status).toBe(404);
    expect((await api('DELETE', `/api/v1/workflows/${id}`)).status).toBe(404);
  });

  it('imports: creates, then updates the workflow named by the document id', async () => {
    const first = await api('POST', '/api/v1/workflows/import', manualWorkflow('Imported'));
    expect(first.status).toBe(201);
    expect(first.json.created).toBe(true);
    const second = await api('POST', '/api/v1/workflows/import', {
      ...manualWorkflow('Imported again'),
      id: first.json.id,
    });
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({
      id: first.json.id,
      created: false,
      version: 2,
      name: 'Imported again',
    });
  });

  it('activates and deactivates; a webhook of an active workflow runs it', async () => {
    const created = await api('POST', '/api/v1/workflows', webhookWorkflow('orders/new'));
    const id = created.json.id as string;
    const manual = await api('POST', '/api/v1/workflows', manualWorkflow('Only manual'));
    const refused = await api('POST', `/api/v1/workflows/${manual.json.id}/activate`);
    expect(refused.status).toBe(400);

    const activated = await api('POST', `/api/v1/workflows/${id}/activate`);
    expect(activated.status).toBe(200);
    expect(activated.json.active).toBe(true);
    expect(
      (await api('GET', '/api/v1/workflows?active=true')).json.items.map((w: { id: string }) => w.id),
    ).toEqual([id]);

    const hook = await server.request('POST', '/webhook/orders/new', { json: { order: 1 } });
    expect(hook.status).toBeLessThan(300);

    // saving an active workflow keeps it active (re-activated through the runtime)
    const saved = await api('PUT', `/api/v1/workflows/${id}`, webhookWorkflow('orders/created'));
    expect(saved.json.active).toBe(true);
    expect((await server.request('POST', '/webhook/orders/created', { json: {} })).status).toBeLessThan(300);

    const deactivated = await api('POST', `/api/v1/workflows/${id}/deactivate`);
    expect(deactivated.json.active).toBe(false);
    expect((await server.request('POST', '/webhook/orders/created', { json: {} })).status).toBe(404);
  });

  it('listens for a test webhook call with the document being edited', async () => {
    const created = await api('POST', '/api/v1/workflows', webhookWorkflow('test/listen', 'Listener'));
    const listening = await api('POST', `/api/v1/workflows/${created.json.id}/test-webhook`, {});
    expect(listening.status).toBe(200);
    expect(listening.json.urls[0]).toContain('/webhook-test/test/listen');
    const call = await server.request('POST', '/webhook-test/test/listen', { json: { hello: 1 } });
    expect(call.status).toBeLessThan(300);
    const bad = await api('POST', `/api/v1/workflows/${created.json.id}/test-webhook`, {
      document: { name: 'x', nodes: 'no' },
    });
    expect(bad.json.error.field).toBe('document.nodes');
  });

  it('runs a workflow and waits for the result', async () => {
    const created = await api('POST', '/api/v1/workflows', manualWorkflow('Runner'));
    const run = await api('POST', `/api/v1/workflows/${created.json.id}/run`, {
      wait: true,
      timeoutMs: 20_000,
    });
    expect(run.status).toBe(200);
    expect(run.json.status).toBe('success');
    const setStep = run.json.steps.find((s: { nodeId: string }) => s.nodeId === 'set');
    expect(setStep.output.main[0].json.greeting).toBe('hello');

    const queued = await api('POST', `/api/v1/workflows/${created.json.id}/run`, {});
    expect(queued.status).toBe(202);
    expect(queued.json.id).toBeTruthy();

    const unsaved = await api('POST', `/api/v1/workflows/${created.json.id}/run`, {
      wait: true,
      document: { ...manualWorkflow('Runner'), nodes: [{ id: 'trigger', name: 'Start', type: 'core.nope' }] },
    });
    expect(unsaved.status).toBe(400);
    expect(unsaved.json.error.field).toBe('document.nodes.0.type');
  });

  it('answers bad input with 4xx naming the field, never 5xx', async () => {
    const malformed = await server.request('POST', '/api/v1/workflows', { cookie, body: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.field).toBe('body');

    const wrongType = await api('POST', '/api/v1/workflows', { name: 42, nodes: [] });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.field).toBe('name');

    const unknownNode = await api('POST', '/api/v1/workflows', {
      name: 'x',
      nodes: [{ id: 'a', name: 'A', type: 'core.doesNotExist' }],
    });
    expect(unknownNode.status).toBe(400);
    expect(unknownNode.json.error.field).toBe('nodes.0.type');

    const cycle = await api('POST', '/api/v1/workflows', {
      name: 'cycle',
      nodes: [
        { id: 'a', name: 'A', type: 'core.noOp' },
        { id: 'b', name: 'B', type: 'core.noOp' },
      ],
      connections: [
        { from: { node: 'a' }, to: { node: 'b' } },
        { from: { node: 'b' }, to: { node: 'a' } },
      ],
    });
    expect(cycle.status).toBe(400);
    expect(cycle.json.error.field).toMatch(/^connections/);

    const notJson = await server.request('POST', '/api/v1/workflows', {
      cookie,
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.status).toBe(415);

    const oversized = await sendLargeBody({
      port: server.port,
      method: 'PUT',
      path: '/api/v1/variables/BIG',
      headers: { cookie, 'content-type': 'application/json', ...csrfHeader(cookie) },
      body: JSON.stringify({ value: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(oversized.status).toBe(413);
    expect(JSON.parse(oversized.text).error.field).toBe('body');
    const bigWorkflow = {
      ...manualWorkflow('big'),
      pinData: { set: [{ json: { blob: 'y'.repeat(3 * 1024 * 1024) } }] },
    };
    expect((await api('POST', '/api/v1/workflows', bigWorkflow)).status).toBe(201); // workflows may be up to 8 MiB
    const tooBig = {
      ...manualWorkflow('too big'),
      pinData: { set: [{ json: { blob: 'y'.repeat(9 * 1024 * 1024) } }] },
    };
    const rejected = await sendLargeBody({
      port: server.port,
      method: 'POST',
      path: '/api/v1/workflows',
      headers: { cookie, 'content-type': 'application/json', ...csrfHeader(cookie) },
      body: JSON.stringify(tooBig),
    });
    expect(rejected.status).toBe(413);
    expect(JSON.parse(rejected.text).error.field).toBe('body');

    expect((await api('GET', '/api/v1/workflows?active=maybe')).json.error.field).toBe('query.active');
    expect((await api('GET', '/api/v1/workflows/nope')).status).toBe(404);
    expect((await api('POST', '/api/v1/workflows/nope/run', {})).status).toBe(404);
    expect((await api('POST', '/api/v1/workflows', [])).status).toBe(400);
    expect((await api('POST', '/api/v1/workflows', null)).status).toBe(400);
    expect(server.logs.join('\n')).not.toContain('"level":"error"');
  });
});
