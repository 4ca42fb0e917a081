import { NodeError } from '@shopwire/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from './create-http-client.js';
import { sendJson, startTestServer } from './test-server.js';
import type { TestServer } from './test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createHttpClient', () => {
  it('waits for Retry-After on 429, then succeeds', async () => {
    server = await startTestServer((_req, res, i) =>
      i === 0
        ? sendJson(res, 429, { error: 'slow down' }, { 'retry-after': '1' })
        : sendJson(res, 200, { ok: true }),
    );
    const client = createHttpClient({ allowPrivateNetworks: true, baseDelayMs: 1 });
    const started = Date.now();
    const response = await client.request({ url: `${server.url}/x` });
    expect(response.body).toEqual({ ok: true });
    expect(response.attempts).toBe(2);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries 5xx with backoff and returns the later success', async () => {
    server = await startTestServer((_req, res, i) =>
      i < 2 ? sendJson(res, 503, { e: i }) : sendJson(res, 200, [1, 2]),
    );
    const waits: number[] = [];
    const client = createHttpClient({
      allowPrivateNetworks: true,
      baseDelayMs: 10,
      sleep: async (ms) => void waits.push(ms),
    });
    const response = await client.request({ url: server.url });
    expect(response.body).toEqual([1, 2]);
    expect(response.attempts).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(10);
    expect(waits[1]).toBeGreaterThanOrEqual(20);
  });

  it('gives up after maxRetries with a retryable HTTP_ERROR', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 500, { message: 'boom' }));
    const client = createHttpClient({ allowPrivateNetworks: true, sleep: async () => undefined });
    const error = await client.request({ url: server.url, maxRetries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeError);
    expect((error as NodeError).retryable).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  it('throws on 404 with the status and a body snippet, without retrying', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 404, { message: 'no such order' }));
    const client = createHttpClient({ allowPrivateNetworks: true });
    const error = (await client
      .request({ url: `${server.url}/orders/1` })
      .catch((e: unknown) => e)) as NodeError;
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.httpStatus).toBe(404);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('Request failed with status 404: {"message":"no such order"}');
    expect(server.requests).toHaveLength(1);
  });

  it('returns non-2xx responses when ignoreHttpStatusErrors is set', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 404, { message: 'nope' }));
    const response = await createHttpClient({ allowPrivateNetworks: true }).request({
      url: server.url,
      ignoreHttpStatusErrors: true,
    });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: 'nope' });
  });

  it('times out a slow response', async () => {
    server = await startTestServer((_req, res) => setTimeout(() => sendJson(res, 200, {}), 2000));
    const client = createHttpClient({ allowPrivateNetworks: true });
    const started = Date.now();
    const error = (await client
      .request({ url: server.url, timeoutMs: 150, maxRetries: 0 })
      .catch((e: unknown) => e)) as NodeError;
    expect(error.code).toBe('NETWORK_DOWN');
    expect(error.message).toContain('timed out after 150 ms');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stops at once when the caller aborts', async () => {
    server = await startTestServer((_req, res) => setTimeout(() => sendJson(res, 200, {}), 2000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('canceled by user')), 100);
    const error = await createHttpClient({ allowPrivateNetworks: true })
      .request({ url: server.url, signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('canceled by user');
    expect(server.requests).toHaveLength(1);
  });

  it('sends form bodies Stripe-style and JSON bodies with content-type', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, {}));
    const client = createHttpClient({ allowPrivateNetworks: true });
    await client.request({
      method: 'POST',
      url: server.url,
      form: { amount: 5, metadata: { a: 'x y' }, lines: [{ id: 1 }] },
    });
    await client.request({ method: 'PUT', url: server.url, json: { a: 1 } });
    const [form, json] = server.requests;
    expect(form!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const fields = new URLSearchParams(form!.body);
    expect(fields.get('metadata[a]')).toBe('x y');
    expect(fields.get('lines[0][id]')).toBe('1');
    expect(json!.method).toBe('PUT');
    expect(json!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(json!.body)).toEqual({ a: 1 });
  });

  it('encodes the query, skipping undefined values and keeping existing ones', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, {}));
    await createHttpClient({ allowPrivateNetworks: true }).request({
      url: `${server.url}/s?fixed=1`,
      query: { q: 'a&b c', n: 2, yes: true, none: undefined },
    });
    const url = new URL(server.requests[0]!.url, server.url);
    expect(url.searchParams.get('fixed')).toBe('1');
    expect(url.searchParams.get('q')).toBe('a&b c');
    expect(url.searchParams.get('n')).toBe('2');
    expect(url.searchParams.get('yes')).toBe('true');
    expect(url.searchParams.has('none')).toBe(false);
  });

  it('parses text and binary bodies by content-type', async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/text') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([1, 2, 3]));
    });
    const client = createHttpClient({ allowPrivateNetworks: true });
    expect((await client.request({ url: `${server.url}/text` })).body).toBe('hello');
    expect((await client.request({ url: `${server.url}/bin` })).body).toBe(
      Buffer.from([1, 2, 3]).toString('base64'),
    );
  });

  it('retries network errors and never logs header values', async () => {
    const lines: string[] = [];
    const log = (message: string, fields?: Record<string, unknown>): void =>
      void lines.push(message + JSON.stringify(fields));
    const logger = { debug: log, info: log, warn: log, error: log };
    const client = createHttpClient({ allowPrivateNetworks: true, logger, sleep: async () => undefined });
    const error = (await client
      .request({
        url: 'http://127.0.0.1:1/x?api_key=secret',
        headers: { authorization: 'Bearer secret' },
        maxRetries: 1,
      })
      .catch((e: unknown) => e)) as NodeError;
    expect(error.code).toBe('NETWORK_DOWN');
    expect(error.message).not.toContain('secret');
    expect(lines).toHaveLength(1);
    expect(lines.join()).not.toContain('secret');
  });
});
