import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, startTestServer, type TestServer } from '../test-support/test-server.js';

const SECRET = 'S3cr3t-Value-That-Must-Not-Leak';

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = await setupOwner(server);
});
afterAll(async () => {
  await server.stop();
});

function api(method: string, path: string, json?: unknown) {
  return server.request(method, path, json === undefined ? { cookie } : { cookie, json });
}

describe('credential routes', () => {
  it('never returns secret values', async () => {
    const types = await api('GET', '/api/v1/credential-types');
    expect(types.json.items.map((t: { type: string }) => t.type)).toContain('core.httpHeaderAuth');

    const bodies: string[] = [];
    const created = await api('POST', '/api/v1/credentials', {
      name: 'Shop key',
      type: 'core.httpHeaderAuth',
      data: { name: 'X-Key', value: SECRET },
    });
    bodies.push(created.text);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Shop key',
      type: 'core.httpHeaderAuth',
      fields: { name: 'X-Key' },
      secretFieldsSet: ['value'],
    });
    const id = created.json.id as string;

    bodies.push((await api('GET', '/api/v1/credentials')).text);
    bodies.push((await api('GET', `/api/v1/credentials/${id}`)).text);

    // omitted secret keeps its value
    const renamed = await api('PATCH', `/api/v1/credentials/${id}`, {
      name: 'Renamed',
      data: { name: 'X-Other' },
    });
    bodies.push(renamed.text);
    expect(renamed.json).toMatchObject({
      name: 'Renamed',
      fields: { name: 'X-Other' },
      secretFieldsSet: ['value'],
    });
    const decrypted = await server.store.credentials.getDecrypted(id);
    expect(decrypted?.data).toEqual({ name: 'X-Other', value: SECRET });

    const tested = await api('POST', `/api/v1/credentials/${id}/test`);
    bodies.push(tested.text);
    expect(tested.status).toBe(200);
    expect(typeof tested.json.ok).toBe('boolean');

    for (const body of bodies) expect(body).not.toContain(SECRET);
    expect(server.logs.join('\n')).not.toContain(SECRET);

    expect((await api('DELETE', `/api/v1/credentials/${id}`)).status).toBe(204);
    expect((await api('GET', `/api/v1/credentials/${id}`)).status).toBe(404);
  });

  it('validates data against the credential type, naming data.<field>', async () => {
    const missing = await api('POST', '/api/v1/credentials', {
      name: 'bad',
      type: 'core.httpHeaderAuth',
      data: { name: 'X-Key' },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error.field).toBe('data.value');
    const wrongType = await api('POST', '/api/v1/credentials', {
      name: 'bad',
      type: 'core.httpHeaderAuth',
      data: { name: 'X', value: 42 },
    });
    expect(wrongType.json.error.field).toBe('data.value');
    const unknownType = await api('POST', '/api/v1/credentials', {
      name: 'bad',
      type: 'nope.nope',
      data: {},
    });
    expect(unknownType.status).toBe(400);
    expect(unknownType.json.error.field).toBe('type');
    const noName = await api('POST', '/api/v1/credentials', { type: 'core.httpHeaderAuth', data: {} });
    expect(noName.json.error.field).toBe('name');
  });
});

describe('variable routes', () => {
  it('sets, lists, replaces and deletes variables', async () => {
    expect((await api('PUT', '/api/v1/variables/SHOP_NAME', { value: 'Corner Shop' })).json).toMatchObject({
      key: 'SHOP_NAME',
      value: 'Corner Shop',
    });
    await api('PUT', '/api/v1/variables/SHOP_NAME', { value: 'Corner Shop 2' });
    const list = await api('GET', '/api/v1/variables');
    expect(list.json.items).toEqual([expect.objectContaining({ key: 'SHOP_NAME', value: 'Corner Shop 2' })]);
    expect((await api('DELETE', '/api/v1/variables/SHOP_NAME')).status).toBe(204);
    expect((await api('DELETE', '/api/v1/variables/SHOP_NAME')).status).toBe(404);
  });

  it('rejects bad keys and values', async () => {
    const badKey = await api('PUT', '/api/v1/variables/1abc', { value: 'x' });
    expect(badKey.status).toBe(400);
    expect(badKey.json.error.field).toBe('key');
    const badValue = await api('PUT', '/api/v1/variables/OK', { value: 5 });
    expect(badValue.json.error.field).toBe('value');
  });
});

describe('node type routes', () => {
  it('lists node types and describes one', async () => {
    const all = await api('GET', '/api/v1/node-types');
    expect(all.json.items.map((n: { type: string }) => n.type)).toContain('core.set');
    expect(Array.isArray(all.json.failures)).toBe(true);
    const one = await api('GET', '/api/v1/node-types/core.set');
    expect(one.json).toMatchObject({ type: 'core.set', kind: 'transform' });
    expect(one.json.paramsSchema.type).toBe('object');
    expect((await api('GET', '/api/v1/node-types/core.nope')).status).toBe(404);
  });
});
