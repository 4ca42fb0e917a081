import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createWebhookRoutes } from '../routes/webhooks.js';
import { activateWorkflowInStore } from './activation.js';
import {
  closeSandbox,
  eventually,
  orderTotalWorkflow,
  saveWorkflow,
  signedWebhookNode,
  silentLogger,
  startTestRuntime,
  testEnv,
  testRegistry,
  withExtraNodes,
  type TestEnv,
  type TestRuntime,
} from './test-support.js';

const order = {
  items: [
    { qty: 2, price: 4.5 },
    { qty: 1, price: 12 },
  ],
};
let env: TestEnv;
let t: TestRuntime;
let app: Hono;

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  env = testEnv();
  const registry = withExtraNodes(await testRegistry(), [signedWebhookNode]);
  t = await startTestRuntime(env, { registry, webhookResponseTimeoutMs: 3000 });
  app = createWebhookRoutes(t.runtime, { maxBodyBytes: 1024 });
  for (const [path, responseMode] of [
    ['s1/immediately', 'immediately'],
    ['s1/last', 'lastNode'],
    ['s1/respond', 'responseNode'],
  ] as const) {
    const wf = await saveWorkflow(t.store, orderTotalWorkflow({ path, responseMode }));
    await t.runtime.activate(wf.id);
  }
  const params = await saveWorkflow(t.store, {
    name: 'params',
    nodes: [
      {
        id: 'h',
        name: 'Hook',
        type: 'core.webhook',
        params: { path: 'shops/:shop/orders/:id', method: 'GET', responseMode: 'lastNode' },
      },
    ],
  });
  await t.runtime.activate(params.id);
  const signed = await saveWorkflow(t.store, {
    name: 'signed',
    nodes: [{ id: 's', name: 'Signed', type: 'test.signedWebhook', params: { path: 'signed' } }],
  });
  await t.runtime.activate(signed.id);
});

afterAll(async () => {
  await t.close();
  await closeSandbox();
  env.cleanup();
});

describe('webhook response modes (webhook → Set expression → Respond)', () => {
  it('immediately: 202 with an execution id whose row is already committed', async () => {
    const res = await post('/webhook/s1/immediately', order);
    expect(res.status).toBe(202);
    const { executionId } = (await res.json()) as { executionId: string };
    expect(await t.store.executions.get(executionId)).toBeDefined();
    const done = await eventually(async () => {
      const r = await t.store.executions.get(executionId);
      return r?.status === 'success' ? r : undefined;
    });
    expect(done.mode).toBe('webhook');
  });

  it('stores and evaluates a big body sent with odd formatting as the same value', async () => {
    const big = createWebhookRoutes(t.runtime, { maxBodyBytes: 1_000_000 });
    const lines = Array.from({ length: 600 }, (_, i) => ({
      sku: `S-${i}`,
      qty: 1,
      price: 2.5,
      note: 'é "q"',
    }));
    // whitespace, 1.0 and \u escapes: the raw text is kept for storage, parsed values must match
    const text = JSON.stringify({ items: lines, n: 1 }, null, 2)
      .replace('"n": 1', '"n": 1.0')
      .replace('S-0', '\\u0053-0');
    expect(text.length).toBeGreaterThan(16_384);
    const res = await big.request('/webhook/s1/immediately', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    expect(res.status).toBe(202);
    const { executionId } = (await res.json()) as { executionId: string };
    await eventually(
      async () => (await t.store.executions.get(executionId))?.status === 'success' || undefined,
    );
    const body = JSON.parse(text) as unknown;
    const input = await t.store.executions.getRunInput(executionId);
    expect(input?.startItems[0]?.json['body']).toEqual(body);
    const steps = await t.store.executions.steps(executionId);
    expect(steps.find((s) => s.nodeId === 'hook')?.output?.['main']?.[0]?.json['body']).toEqual(body);
    expect(steps.find((s) => s.nodeId === 'set')?.output?.['main']?.[0]?.json).toEqual({ total: 1500 });
  });

  it('lastNode: answers with the last node output', async () => {
    const res = await post('/webhook/s1/last', order);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ total: 21 });
  });

  it('responseNode: answers with the Respond to Webhook response', async () => {
    const res = await post('/webhook/s1/respond', order);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ total: 21 });
  });

  it('lastNode: a failing workflow answers 500 WORKFLOW_FAILED with the execution id', async () => {
    const res = await post('/webhook/s1/last', { items: 'not an array' });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; executionId: string } };
    expect(body.error.code).toBe('WORKFLOW_FAILED');
    expect((await t.store.executions.get(body.error.executionId))?.status).toBe('error');
  });
});

describe('webhook request handling', () => {
  it('captures path params, query and lower-cased headers', async () => {
    const res = await app.request('/webhook/shops/corner/orders/42?x=1', {
      headers: { 'X-Shop-Token': 'abc' },
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as {
      params: unknown;
      query: unknown;
      headers: Record<string, string>;
      body: unknown;
    };
    expect(json.params).toEqual({ shop: 'corner', id: '42' });
    expect(json.query).toEqual({ x: '1' });
    expect(json.headers['x-shop-token']).toBe('abc');
    expect(json.body).toBeNull();
  });

  it('404 for unknown paths, 405 for a wrong method', async () => {
    const missing = await post('/webhook/nope', {});
    expect(missing.status).toBe(404);
    const body = (await missing.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('WEBHOOK_NOT_FOUND');
    expect(body.error.message).toContain('POST /webhook/nope');
    expect((await app.request('/webhook/s1/last', { method: 'GET' })).status).toBe(405);
  });

  it('413 for a body over the limit (declared or streamed), 415 for multipart, 400 for bad JSON', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(2000) });
    expect((await post('/webhook/s1/last', { pad: 'x'.repeat(2000) })).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await app.request('/webhook/s1/last', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const multipart = await app.request('/webhook/s1/last', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x--',
    });
    expect(multipart.status).toBe(415);
    const invalid = await app.request('/webhook/s1/last', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { code: string; message: string } }).error.message).toMatch(
      /^body is not valid JSON: /,
    );
  });

  it('parses form and text bodies, and leaves unknown types uninterpreted', async () => {
    const form = await app.request('/webhook/s1/immediately', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'items=1',
    });
    expect(form.status).toBe(202);
    const { executionId } = (await form.json()) as { executionId: string };
    const input = await t.store.executions.getRunInput(executionId);
    expect(input?.startItems[0]?.json.body).toEqual({ items: '1' });
    const other = await app.request('/webhook/s1/immediately', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: '/etc/passwd',
    });
    const otherId = ((await other.json()) as { executionId: string }).executionId;
    expect((await t.store.executions.getRunInput(otherId))?.startItems[0]?.json.body).toBeNull();
  });
});

describe('trigger handle(): signatures, pings and dedupe', () => {
  const headers = { 'x-signature': 'valid' };

  it('rejects a bad signature without running anything', async () => {
    const before = (await t.store.executions.list({ limit: 250 })).items.length;
    const res = await post('/webhook/signed', { a: 1 }, { 'x-signature': 'forged' });
    expect(res.status).toBe(401);
    expect((await t.store.executions.list({ limit: 250 })).items.length).toBe(before);
  });

  it('answers an ignored ping with the trigger response', async () => {
    const res = await post('/webhook/signed', {}, { ...headers, 'x-ping': '1' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('pong');
  });

  it('keeps the raw body and starts one execution per delivery id', async () => {
    const first = await post('/webhook/signed', { n: 1 }, { ...headers, 'x-delivery-id': 'd-1' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ body: { n: 1 }, raw: '{"n":1}' });
    const second = await post('/webhook/signed', { n: 1 }, { ...headers, 'x-delivery-id': 'd-1' });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ duplicate: true });
    const third = await post('/webhook/signed', { n: 2 }, { ...headers, 'x-delivery-id': 'd-2' });
    expect(await third.json()).toEqual({ body: { n: 2 }, raw: '{"n":2}' });
  });
});

describe('test webhooks', () => {
  it('listens once under /webhook-test/ with an unsaved document', async () => {
    const saved = await saveWorkflow(
      t.store,
      orderTotalWorkflow({ path: 'draft', responseMode: 'lastNode' }),
    );
    const edited = structuredClone(saved.document);
    (edited.nodes[0] as { params: Record<string, unknown> }).params['path'] = 'draft/edited';
    const { urls } = await t.runtime.listenForTestWebhook(saved.id, edited);
    expect(urls).toEqual(['http://127.0.0.1:5800/webhook-test/draft/edited']);
    expect((await post('/webhook/draft/edited', order)).status).toBe(404);
    const res = await post('/webhook-test/draft/edited', order);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ total: 21 });
    const runs = await t.store.executions.list({ workflowId: saved.id });
    expect(runs.items.map((r) => r.mode)).toEqual(['webhook-test']);
    expect((await post('/webhook-test/draft/edited', order)).status).toBe(404);
  });
});

describe('activation outside the runtime (CLI)', () => {
  it('is picked up by a running runtime on the next call', async () => {
    const other = await saveWorkflow(
      t.store,
      orderTotalWorkflow({ path: 'cli/import', responseMode: 'lastNode' }),
    );
    // a second store connection on the same file, like the CLI process
    const cliStore = await env.open();
    try {
      await activateWorkflowInStore(
        {
          store: cliStore,
          registry: await testRegistry(),
          http: t.options.http,
          logger: silentLogger,
          publicUrl: 'http://x',
        },
        other.id,
      );
    } finally {
      await cliStore.close();
    }
    const res = await eventually(async () => {
      const r = await post('/webhook/cli/import', order);
      return r.status === 200 ? r : undefined;
    }, 5000);
    expect(await res.json()).toEqual({ total: 21 });
  });
});

describe('over a real HTTP server (@hono/node-server)', () => {
  it('reads bodies from the Node request, with the same limits and parsing', async () => {
    const { serve } = await import('@hono/node-server');
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    try {
      const ok = await fetch(`${base}/webhook/s1/respond`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(order),
      });
      expect(ok.status).toBe(201);
      expect(await ok.json()).toEqual({ total: 21 });
      const params = await fetch(`${base}/webhook/shops/s/orders/9?q=2`, { headers: { 'X-Trace': 't' } });
      expect(await params.json()).toMatchObject({
        params: { shop: 's', id: '9' },
        query: { q: '2' },
        headers: { 'x-trace': 't' },
      });
      const chunked = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(JSON.stringify({ pad: 'y'.repeat(3000) })));
          controller.close();
        },
      });
      const tooBig = await fetch(`${base}/webhook/s1/last`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunked,
        duplex: 'half',
      } as RequestInit);
      expect(tooBig.status).toBe(413);
      const bad = await fetch(`${base}/webhook/s1/last`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{oops',
      });
      expect(bad.status).toBe(400);
    } finally {
      server.close();
    }
  });
});
