import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps, AppEnv } from '../app-env.js';
import { errorResponse } from '../errors.js';
import { setupOwner, startTestServer, type TestServer } from '../test-support/test-server.js';
import { defaultTemplatesDir, loadTemplates } from '../templates/load-templates.js';
import { parseWith, readJsonBody } from './request.js';
import type { RouteDef } from './route-def.js';
import { templateRoutes } from './templates.js';

/**
 * The template routes on a real server's store, registry and runtime. They are mounted on a small
 * app here (the central auth check is the app's job and is tested there).
 */

let server: TestServer;
let cookie: string;
let app: Hono<AppEnv>;

function mount(routes: RouteDef[], deps: AppDeps): Hono<AppEnv> {
  const hono = new Hono<AppEnv>();
  hono.onError((error, c) => errorResponse(error, c, deps.logger));
  for (const def of routes) {
    hono.on(def.method.toUpperCase(), def.path, async (c) => {
      const raw = def.method === 'get' ? undefined : await readJsonBody(c);
      const body = def.body ? parseWith(def.body, raw ?? {}) : raw;
      const result = await def.handler(c, {
        body,
        query: c.req.query(),
        params: c.req.param() as Record<string, string>,
        auth: undefined,
        access: { projectId: 'default', role: 'owner' },
      });
      return result instanceof Response ? result : c.json(result as object, (def.status ?? 200) as 200);
    });
  }
  return hono;
}

const call = async (method: string, urlPath: string, json?: unknown) => {
  const res = await app.request(urlPath, {
    method,
    ...(json === undefined
      ? {}
      : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, json: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

beforeAll(async () => {
  server = await startTestServer();
  cookie = await setupOwner(server);
  const deps = {
    store: server.store,
    registry: server.registry,
    runtime: server.runtime,
    logger: { warn: () => undefined, info: () => undefined, error: () => undefined, debug: () => undefined },
  } as unknown as AppDeps;
  app = mount(templateRoutes(deps), deps);
});
afterAll(async () => server?.stop());

async function credential(type: string, data: Record<string, unknown>): Promise<string> {
  const res = await server.request('POST', '/api/v1/credentials', {
    cookie,
    json: { name: type, type, data },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

describe('template routes', () => {
  it('finds <repo>/templates and lists every template with the credentials it needs', async () => {
    const dir = defaultTemplatesDir();
    expect(dir).toBe(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../templates'));
    const res = await call('GET', '/api/v1/templates');
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeGreaterThanOrEqual(10);
    const refund = res.json.items.find((t: { id: string }) => t.id === 'refund-chargeback-alert');
    expect(refund).toMatchObject({
      category: 'Payments',
      nodeCount: 5,
      credentials: [
        expect.objectContaining({ slot: 'stripe', type: 'stripe.apiKey' }),
        expect.objectContaining({ slot: 'slack', type: 'slack.incomingWebhook' }),
      ],
    });
    const one = await call('GET', '/api/v1/templates/refund-chargeback-alert');
    expect(one.json.workflow.nodes[0].credentials).toEqual({ stripe: '{{credential:stripe}}' });
    expect((await call('GET', '/api/v1/templates/nope')).status).toBe(404);
  });

  it('names every missing, unknown or wrong-type credential, then imports with the ids filled in', async () => {
    const slack = await credential('slack.incomingWebhook', {
      webhookUrl: 'https://hooks.slack.com/services/T1/B1/x',
    });
    const missing = await call('POST', '/api/v1/templates/refund-chargeback-alert/import', {
      credentials: { slack },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error.issues.map((i: { field: string }) => i.field)).toEqual(['credentials.stripe']);

    const wrongType = await call('POST', '/api/v1/templates/refund-chargeback-alert/import', {
      credentials: { stripe: slack, slack: 'no-such-id' },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.issues).toEqual([
      { field: 'credentials.stripe', message: expect.stringContaining('needs stripe.apiKey') },
      { field: 'credentials.slack', message: 'no credential with id "no-such-id"' },
    ]);

    const stripe = await credential('stripe.apiKey', {
      secretKey: 'sk_test_abc123',
      webhookSecret: 'whsec_abc',
    });
    const imported = await call('POST', '/api/v1/templates/refund-chargeback-alert/import', {
      credentials: { stripe, slack },
      name: 'My refund alerts',
    });
    expect(imported.status).toBe(201);
    expect(imported.json).toMatchObject({ name: 'My refund alerts', active: false, activated: false });
    const stored = await server.store.workflows.get(imported.json.id);
    expect(stored!.document.nodes.map((n) => n.credentials)).toEqual([
      { stripe },
      {},
      { stripe },
      { stripe },
      { slack },
    ]);
    expect(JSON.stringify(stored!.document)).not.toContain('{{credential:');

    const activated = await call('POST', '/api/v1/templates/refund-chargeback-alert/import', {
      credentials: { stripe, slack },
      activate: true,
    });
    expect(activated.status).toBe(201);
    expect(activated.json).toMatchObject({ active: true, activated: true });
  });

  it('a bad credentials map names the field', async () => {
    const bad = await call('POST', '/api/v1/templates/refund-chargeback-alert/import', {
      credentials: { stripe: 5 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('credentials.stripe');
  });

  it('skips broken template files and reports why', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
    try {
      fs.writeFileSync(path.join(dir, 'broken.json'), '{ not json');
      fs.writeFileSync(
        path.join(dir, 'unknown-node.json'),
        JSON.stringify({
          templateVersion: 1,
          id: 'unknown-node',
          name: 'x',
          description: 'y',
          category: 'z',
          credentials: [],
          workflow: { name: 'x', nodes: [{ id: 'a', name: 'A', type: 'nope.node' }] },
        }),
      );
      const loaded = loadTemplates({ dir, registry: server.registry });
      expect(loaded.templates).toEqual([]);
      expect(loaded.failures.map((f) => f.file)).toEqual(['broken.json', 'unknown-node.json']);
      expect(loaded.failures[1]!.error).toContain('unknown node type "nope.node"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
