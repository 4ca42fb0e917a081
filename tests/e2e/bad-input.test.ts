import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiResponse } from './support/api.js';
import { setupOwner } from './support/api.js';
import { postOversized } from './support/raw-post.js';
import { start, type StartedServer } from './support/server.js';
import { tempDir } from './support/temp-dir.js';
import {
  ORDER,
  ORDER_TOTAL,
  codeNode,
  link,
  orderTotalWorkflow,
  setNode,
  webhookNode,
  workflow,
} from './support/workflows.js';

// Bad input over real HTTP: every case is a 4xx naming the field, never a 5xx; afterwards the
// server is healthy and what was stored before is intact.
const WEBHOOK_LIMIT = 64 * 1024;

describe('bad input', () => {
  const tmp = tempDir();
  let server: StartedServer;
  let api: ApiClient;
  let keptId = '';
  let keptDoc: unknown;
  const seen: { what: string; status: number }[] = [];

  beforeAll(async () => {
    server = await start(tmp.dir, { SHOPWIRE_MAX_BODY_BYTES: String(WEBHOOK_LIMIT) });
    api = await setupOwner(server.url);
    keptId = await api.createWorkflow(orderTotalWorkflow('kept'));
    await api.activate(keptId);
    keptDoc = (await api.get(`/api/v1/workflows/${keptId}`)).body;
  });
  afterAll(async () => {
    await server?.stop();
    tmp.cleanup();
  });

  /** A 4xx whose error names `field` (in error.field, error.issues or the message). */
  function expectFieldError(res: ApiResponse, what: string, field: string | RegExp, status?: number) {
    seen.push({ what, status: res.status });
    expect(res.status, `${what}: ${res.text}`).toBeGreaterThanOrEqual(400);
    expect(res.status, `${what}: ${res.text}`).toBeLessThan(500);
    if (status !== undefined) expect(res.status, what).toBe(status);
    const error = res.body?.error;
    expect(error, `${what}: error body ${res.text}`).toBeDefined();
    const named = [
      error.field ?? '',
      ...(error.issues ?? []).map((i: { field: string }) => i.field),
      error.message ?? '',
    ].join(' | ');
    if (typeof field === 'string') expect(named, what).toContain(field);
    else expect(named, what).toMatch(field);
  }

  const create = (body: unknown) => api.post('/api/v1/workflows', body);

  it('malformed JSON and non-JSON bodies', async () => {
    expectFieldError(await create('{"name": "x", "nodes": ['), 'malformed JSON', 'body', 400);
    expectFieldError(
      await api.request('POST', '/api/v1/workflows', 'name=x', { 'content-type': 'text/plain' }),
      'text/plain body',
      'body',
      415,
    );
    expectFieldError(await create('[1, 2, 3]'), 'array instead of object', /name|nodes|body|JSON object/);
    expectFieldError(await create('null'), 'null body', /name|nodes|body|JSON object/);
  });

  it('wrong types in the document', async () => {
    expectFieldError(await create({ name: 42, nodes: [] }), 'name is a number', 'name', 400);
    expectFieldError(await create({ name: 'x', nodes: 'none' }), 'nodes is a string', 'nodes', 400);
    expectFieldError(
      await create({ name: 'x', nodes: [{ id: 'a', name: 'A', type: 'core.set', position: ['0', 0] }] }),
      'position of strings',
      'nodes.0.position',
    );
    expectFieldError(
      await create({ ...orderTotalWorkflow('x'), schemaVersion: 99 }),
      'unknown schemaVersion',
      'schemaVersion',
    );
    const badParam = workflow('bad param', [webhookNode('hook', 'bad param path!', 'lastNode')], []);
    expectFieldError(await create(badParam), 'invalid webhook path param', 'nodes.0.params.path', 400);
    const badRespond = orderTotalWorkflow('x');
    (badRespond.nodes[0]!.params as Record<string, unknown>)['responseMode'] = 'sometimes';
    expectFieldError(await create(badRespond), 'invalid enum param', 'nodes.0.params.responseMode', 400);
  });

  it('unknown node type, dangling connection, duplicate ids, cycle', async () => {
    const unknown = orderTotalWorkflow('x');
    (unknown.nodes[1] as { type: string }).type = 'core.teleport';
    expectFieldError(await create(unknown), 'unknown node type', 'nodes.1.type', 400);

    const dangling = orderTotalWorkflow('x');
    dangling.connections = [link('hook', 'ghost')];
    expectFieldError(await create(dangling), 'connection to a missing node', 'connections.0.to.node', 400);

    const dup = workflow('dup', [webhookNode('hook', 'dup'), setNode('hook', [])], []);
    expectFieldError(await create(dup), 'duplicate node ids', 'nodes.1.id', 400);

    const cycle = workflow(
      'cycle',
      [webhookNode('hook', 'cycle'), setNode('a', []), setNode('b', []), codeNode('c', 'return items')],
      [link('hook', 'a'), link('a', 'b'), link('b', 'c'), link('c', 'a')],
    );
    expectFieldError(await create(cycle), 'cycle', /connections\.\d/, 400);
  });

  it('bodies over the limits', async () => {
    const tooBig = await postOversized(
      `${server.url}/api/v1/workflows`,
      9 * 1024 * 1024,
      api.headers({}, 'POST'),
    );
    expect(tooBig.status, tooBig.text).toBe(413);
    expect(tooBig.text).toContain('PAYLOAD_TOO_LARGE');
    seen.push({ what: 'huge workflow', status: tooBig.status });

    const hookTooBig = await postOversized(`${server.url}/webhook/kept`, WEBHOOK_LIMIT + 1);
    expect(hookTooBig.status, hookTooBig.text).toBe(413);
    seen.push({ what: 'huge webhook body', status: hookTooBig.status });

    // a default-limit (1 MiB) API route refuses 2 MiB too
    const bigSetup = await postOversized(
      `${server.url}/api/v1/api-keys`,
      2 * 1024 * 1024,
      api.headers({}, 'POST'),
    );
    expect(bigSetup.status, bigSetup.text).toBe(413);
    seen.push({ what: 'huge api-key body', status: bigSetup.status });
  });

  async function postWebhook(
    path: string,
    body: string,
    contentType = 'application/json',
  ): Promise<ApiResponse> {
    const res = await fetch(`${server.url}/webhook/${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, text, body: parsed, headers: res.headers };
  }

  it('bad webhook requests', async () => {
    expectFieldError(
      await postWebhook('kept', '{"orderId": 1, "items": ['),
      'malformed webhook JSON',
      'body',
      400,
    );
    // valid JSON the workflow can't use: the failure names the param and the execution is kept
    const noItems = await postWebhook('kept', JSON.stringify({ orderId: 9 }));
    expect(noItems.status, noItems.text).toBeGreaterThanOrEqual(400);
    expect(noItems.body?.error?.message, noItems.text).toContain('fields.0.value');
    const failed = await api.get(`/api/v1/executions?workflowId=${keptId}&status=error`);
    expect(failed.body.items).toHaveLength(1);

    const missing = await postWebhook('no-such-hook', JSON.stringify(ORDER));
    expect(missing.status).toBe(404);
    const wrongMethod = await fetch(`${server.url}/webhook/kept`, { method: 'GET' });
    await wrongMethod.arrayBuffer();
    expect(wrongMethod.status).toBe(405);
    seen.push(
      { what: 'unknown webhook', status: missing.status },
      { what: 'wrong webhook method', status: wrongMethod.status },
    );
  });

  it('deeply nested webhook JSON (under the size limit) is not a 5xx', async () => {
    const deep = '['.repeat(30_000) + ']'.repeat(30_000);
    const deepRes = await postWebhook('kept', deep);
    seen.push({ what: 'deeply nested webhook JSON', status: deepRes.status });
    expect(deepRes.status, deepRes.text).toBeLessThan(500);
  });

  it('bad ids and queries on the API', async () => {
    expect((await api.get('/api/v1/workflows/does-not-exist')).status).toBe(404);
    expect((await api.get('/api/v1/executions/does-not-exist')).status).toBe(404);
    expect((await api.post('/api/v1/workflows/does-not-exist/activate')).status).toBe(404);
    expectFieldError(await api.get('/api/v1/workflows?active=maybe'), 'bad boolean query', 'active', 400);
    expectFieldError(
      await api.put(`/api/v1/workflows/${keptId}`, { ...orderTotalWorkflow('kept'), expectedVersion: 'one' }),
      'bad expectedVersion',
      'expectedVersion',
      400,
    );
    expectFieldError(
      await api.put(`/api/v1/workflows/${keptId}`, { name: '', nodes: [] }),
      'empty name on update',
      'name',
      400,
    );
  });

  it('stays healthy, never answered 5xx, and kept what was stored', async () => {
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((s) => s.status >= 500)).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const kept = await api.get(`/api/v1/workflows/${keptId}`);
    expect(kept.body).toEqual(keptDoc);
    const list = await api.get('/api/v1/workflows');
    expect(list.body.items).toHaveLength(1);
    const res = await postWebhook('kept', JSON.stringify(ORDER));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(ORDER_TOTAL);
  });
});
