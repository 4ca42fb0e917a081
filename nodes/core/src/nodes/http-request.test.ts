import { isIdempotentRun } from '@shopwire/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { items, json, outputJson, runNode, startServer } from '@shopwire/testing';
import { httpRequest } from './http-request.js';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => server?.close());

const PRODUCTS = Array.from({ length: 7 }, (_, i) => ({ id: i + 1 }));

describe('core.httpRequest', () => {
  it('sends one request per item with query, headers and a JSON body; arrays become items', async () => {
    server = await startServer((req, res) =>
      json(res, [{ echo: JSON.parse(req.body || 'null'), q: req.url.searchParams.get('sku') }, 'plain']),
    );
    const input = items({ sku: 'A' }, { sku: 'B' });
    const result = await runNode({
      node: httpRequest,
      items: input,
      itemParams: input.map(({ json: j }) => ({
        method: 'POST',
        url: `${server!.base}/stock`,
        query: [{ name: 'sku', value: j.sku }],
        headers: [{ name: 'X-Shop', value: 'demo' }],
        bodyType: 'json',
        body: '{"qty": 2}',
      })),
    });
    expect(outputJson(result)).toEqual([
      { echo: { qty: 2 }, q: 'A' },
      { value: 'plain' },
      { echo: { qty: 2 }, q: 'B' },
      { value: 'plain' },
    ]);
    expect(server.seen[0]!.headers['x-shop']).toBe('demo');
    expect((result as { pairedItem?: number }[]).map((item) => item.pairedItem)).toEqual([0, 0, 1, 1]);
  });

  it('returns the full response and tolerates errors when asked; otherwise fails naming the item', async () => {
    server = await startServer((_req, res) => json(res, { error: 'missing' }, 404, { 'x-request-id': 'r1' }));
    const full = await runNode({
      node: httpRequest,
      items: items({}),
      params: { url: server.base, fullResponse: true, ignoreHttpStatusErrors: true },
    });
    expect(outputJson(full)[0]).toMatchObject({
      statusCode: 404,
      headers: { 'x-request-id': 'r1' },
      body: { error: 'missing' },
    });
    const run = runNode({ node: httpRequest, items: items({}, {}), params: { url: server.base } });
    await expect(run).rejects.toMatchObject({ code: 'HTTP_ERROR', httpStatus: 404, itemIndex: 0 });
  });

  it('sends form and raw bodies', async () => {
    server = await startServer((req, res) =>
      json(res, { type: req.headers['content-type'], body: req.body }),
    );
    const form = await runNode({
      node: httpRequest,
      items: items({}),
      params: {
        method: 'POST',
        url: server.base,
        bodyType: 'form',
        body: { amount: 5, metadata: { order: 'A1' } },
      },
    });
    expect(decodeURIComponent((outputJson(form)[0] as { body: string }).body)).toBe(
      'amount=5&metadata[order]=A1',
    );
    const raw = await runNode({
      node: httpRequest,
      items: items({}),
      params: {
        method: 'PUT',
        url: server.base,
        bodyType: 'raw',
        body: '<a/>',
        rawContentType: 'application/xml',
      },
    });
    expect(outputJson(raw)[0]).toEqual({ type: 'application/xml', body: '<a/>' });
  });

  it('applies header, bearer, basic and query credentials', async () => {
    server = await startServer((req, res) =>
      json(res, {
        auth: req.headers.authorization ?? null,
        key: req.headers['x-api-key'] ?? null,
        q: req.url.searchParams.get('api_key'),
      }),
    );
    const call = async (auth: Record<string, unknown>, authType = 'auto') =>
      outputJson(
        await runNode({
          node: httpRequest,
          items: items({}),
          params: { url: server!.base, authentication: 'credential', authType },
          credentials: { auth },
        }),
      )[0];
    expect(await call({ name: 'X-API-Key', value: 's1' })).toMatchObject({ key: 's1' });
    expect(await call({ token: 't0k' })).toMatchObject({ auth: 'Bearer t0k' });
    expect(await call({ user: 'ada', password: 'pw' })).toMatchObject({
      auth: `Basic ${Buffer.from('ada:pw').toString('base64')}`,
    });
    expect(await call({ name: 'api_key', value: 'q1' }, 'query')).toMatchObject({ q: 'q1', key: null });
    await expect(call({ token: 'x' }, 'basic')).rejects.toThrow(/does not fit Basic auth/);
  });

  it('follows Link headers and keeps query credentials on every page', async () => {
    server = await startServer((req, res, base) => {
      const page = Number(req.url.searchParams.get('page') ?? 1);
      const link =
        page < 3
          ? `<${base}/p?page=${page + 1}>; rel="next", <${base}/p?page=3>; rel="last"`
          : `<${base}/p?page=1>; rel="first"`;
      json(
        res,
        { data: PRODUCTS.slice((page - 1) * 3, page * 3), key: req.url.searchParams.get('key') },
        200,
        { link },
      );
    });
    const result = await runNode({
      node: httpRequest,
      items: items({}),
      params: {
        url: `${server.base}/p`,
        authentication: 'credential',
        authType: 'query',
        pagination: { mode: 'linkHeader', itemsField: 'data' },
      },
      credentials: { auth: { name: 'key', value: 'k' } },
    });
    expect(outputJson(result)).toEqual(PRODUCTS);
    expect(server.seen.map((r) => r.url.searchParams.get('key'))).toEqual(['k', 'k', 'k']);
  });

  it('follows a next-URL field, a cursor and a page number, stopping at maxPages or an empty page', async () => {
    server = await startServer((req, res, base) => {
      const p = req.url.searchParams;
      if (req.url.pathname === '/next') {
        const page = Number(p.get('n') ?? 0);
        return json(res, {
          items: PRODUCTS.slice(page * 3, page * 3 + 3),
          links: { next: page < 2 ? `${base}/next?n=${page + 1}` : null },
        });
      }
      if (req.url.pathname === '/cursor') {
        const at = Number(p.get('after') ?? 0);
        return json(res, {
          items: PRODUCTS.slice(at, at + 4),
          meta: { next: at + 4 < PRODUCTS.length ? String(at + 4) : '' },
        });
      }
      const page = Number(p.get('page') ?? 1);
      json(res, PRODUCTS.slice((page - 1) * 2, page * 2));
    });
    const run = async (path: string, pagination: Record<string, unknown>) =>
      outputJson(
        await runNode({
          node: httpRequest,
          items: items({}),
          params: { url: `${server!.base}${path}`, pagination },
        }),
      );
    expect(
      await run('/next', { mode: 'nextUrlField', nextUrlField: 'links.next', itemsField: 'items' }),
    ).toEqual(PRODUCTS);
    expect(
      await run('/cursor', {
        mode: 'cursorParam',
        cursorField: 'meta.next',
        cursorParam: 'after',
        itemsField: 'items',
      }),
    ).toEqual(PRODUCTS);
    expect(await run('/pages', { mode: 'pageParam', pageParam: 'page' })).toEqual(PRODUCTS);
    expect(server.seen.filter((r) => r.url.pathname === '/pages')).toHaveLength(5); // the 5th page is empty
    expect(await run('/pages', { mode: 'pageParam', pageParam: 'page', maxPages: 2 })).toEqual(
      PRODUCTS.slice(0, 4),
    );
  });

  it('validates the URL', async () => {
    await expect(
      runNode({ node: httpRequest, items: items({}), params: { url: 'ftp://x/y' } }),
    ).rejects.toThrow(/params\.url: must be a full http/);
  });

  it('is idempotent by method: GET/PUT/DELETE may be repeated, POST/PATCH may not', () => {
    const run = (...methods: string[]) =>
      isIdempotentRun(
        httpRequest,
        methods.map((method) => httpRequest.params.parse({ method, url: 'https://x.example/a' })),
      );
    expect(run('GET', 'HEAD', 'PUT', 'DELETE')).toBe(true);
    expect(run('POST')).toBe(false);
    expect(run('GET', 'PATCH')).toBe(false);
  });
});
