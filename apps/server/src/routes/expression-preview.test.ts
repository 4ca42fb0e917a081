import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from 'hono';
import { createSandboxPool } from '@shopwire/sandbox';
import type { AppEnv } from '../app-env.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { expressionPreviewRoutes } from './expression-preview.js';

let server: TestServer;
const sandbox = createSandboxPool({ size: 1 });

beforeAll(async () => {
  server = await startTestServer();
  await server.store.variables.set('default', 'shop', 'acme');
});
afterAll(async () => {
  await server.stop();
  await sandbox.close();
});

async function preview(body: Record<string, unknown>, withSandbox = true) {
  const [def] = expressionPreviewRoutes({
    store: server.store,
    registry: server.registry,
    runtime: server.runtime,
    config: {} as never,
    logger: {} as never,
    ...(withSandbox ? { sandbox } : {}),
  });
  const parsed = def!.body!.parse(body);
  return (await def!.handler({} as Context<AppEnv>, {
    body: parsed,
    query: {},
    params: {},
    auth: undefined,
    access: { projectId: 'default', role: 'owner' },
  })) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  };
}

describe('POST /api/v1/expressions/preview', () => {
  it('evaluates a template for the chosen item in the sandbox', async () => {
    const r = await preview({
      template: '{{ $json.qty * 2 }}',
      items: [{ qty: 1 }, { qty: 21 }],
      itemIndex: 1,
    });
    expect(r).toEqual({ ok: true, value: 42 });
  });

  it('sees other nodes by name and mixes text', async () => {
    const r = await preview({
      template: 'Order {{ $("Hook").first().json.id }}',
      items: [{}],
      nodes: { Hook: { items: [{ id: 7 }] } },
    });
    expect(r).toEqual({ ok: true, value: 'Order 7' });
  });

  it('answers syntax errors as data, not as a failure', async () => {
    const r = await preview({ template: '{{ $json.qty * }}', items: [{ qty: 1 }] });
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBeTruthy();
  });

  it('says so when the server has no sandbox wired', async () => {
    const r = await preview({ template: '{{ 1 }}' }, false);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
