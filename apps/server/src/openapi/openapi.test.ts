import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, startTestServer, type TestServer } from '../test-support/test-server.js';
import { toOpenApiPath } from './build-document.js';

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = await setupOwner(server);
});
afterAll(async () => {
  await server.stop();
});

// Entries in app.routes that are not API operations, so they stay out of the document:
const MIDDLEWARE = new Set([
  // app.use() middleware shows up in app.routes as ALL entries on wildcard paths
  'ALL *',
  'ALL /*',
  'ALL /api/v1/*',
  // routes/webhooks.ts refuses CORS preflights on webhook paths with a 405 (the same refusal the
  // app.use('*') middleware gives everywhere else): a guard, not an endpoint anyone should call
  'OPTIONS /webhook/*',
  'OPTIONS /webhook-test/*',
]);

describe('OpenAPI document', () => {
  it('documents every route registered on the app', async () => {
    const res = await server.request('GET', '/api/v1/openapi.json', { cookie });
    expect(res.status).toBe(200);
    const doc = res.json as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    let checked = 0;
    for (const r of server.app.routes) {
      if (MIDDLEWARE.has(`${r.method} ${r.path}`)) continue;
      const ops = doc.paths[toOpenApiPath(r.path)];
      expect(ops, `${r.method} ${r.path}`).toBeDefined();
      const methods =
        r.method === 'ALL' ? ['get', 'post', 'put', 'patch', 'delete'] : [r.method.toLowerCase()];
      for (const m of methods) expect(ops?.[m], `${m} ${r.path}`).toBeDefined();
      checked++;
    }
    expect(checked).toBeGreaterThan(35);
  });

  it('describes bodies and query parameters from the zod schemas', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json', { cookie })).json;
    const createCredential = doc.paths['/api/v1/credentials'].post;
    expect(createCredential.requestBody.content['application/json'].schema.required).toEqual([
      'name',
      'type',
      'data',
    ]);
    const listExecutions = doc.paths['/api/v1/executions'].get;
    expect(listExecutions.parameters.map((p: { name: string }) => p.name)).toEqual([
      'workflowId',
      'status',
      'from',
      'to',
      'cursor',
      'limit',
    ]);
    expect(doc.paths['/api/v1/workflows/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
    expect(doc.paths['/api/v1/login'].post.security).toEqual([]);
  });
});
