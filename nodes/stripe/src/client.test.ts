import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, json, startServer } from '@shopwire/testing';
import { getCustomer } from './actions/get-customer.js';
import { createStripeClient } from './client.js';

// the real HttpClient the engine hands to nodes
const { http } = createTestContext({ node: getCustomer, params: { customerId: 'cus_x' } }).ctx;

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => server?.close());

const client = (baseUrl: string) =>
  createStripeClient({
    http,
    credential: { secretKey: 'sk_test_abc', baseUrl },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5))),
    baseDelayMs: 1,
  });

describe('stripe client', () => {
  it('sends bearer auth, the pinned version, form bodies with nested keys and the idempotency key', async () => {
    server = await startServer((_req, res) => json(res, { id: 'cs_1' }));
    await client(server.base).request({
      method: 'POST',
      path: '/checkout/sessions',
      idempotencyKey: 'key-1',
      form: { line_items: [{ price: 'price_1', quantity: 2 }], mode: 'payment' },
    });
    const seen = server.seen[0]!;
    expect(seen.url.pathname).toBe('/v1/checkout/sessions');
    expect(seen.headers['authorization']).toBe('Bearer sk_test_abc');
    expect(seen.headers['idempotency-key']).toBe('key-1');
    expect(seen.headers['stripe-version']).toMatch(/^\d{4}-\d{2}-\d{2}\.\w+$/);
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(decodeURIComponent(seen.body)).toBe(
      'line_items[0][price]=price_1&line_items[0][quantity]=2&mode=payment',
    );
  });

  it('honours Stripe-Should-Retry: false on a 429 and true on a 400', async () => {
    server = await startServer((_req, res) =>
      json(res, { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'slow down' } }, 429, {
        'stripe-should-retry': 'false',
      }),
    );
    await expect(client(server.base).request({ method: 'GET', path: '/balance' })).rejects.toMatchObject({
      code: 'STRIPE_RATE_LIMIT',
      httpStatus: 429,
    });
    expect(server.seen).toHaveLength(1);
    await server.close();

    let calls = 0;
    server = await startServer((_req, res) =>
      ++calls < 3
        ? json(res, { error: { type: 'api_error', message: 'lock' } }, 400, { 'stripe-should-retry': 'true' })
        : json(res, { ok: true }),
    );
    await expect(client(server.base).request({ method: 'GET', path: '/balance' })).resolves.toEqual({
      ok: true,
    });
    expect(calls).toBe(3);
  });

  it('turns the error envelope into a NodeError naming the param', async () => {
    server = await startServer((_req, res) =>
      json(
        res,
        {
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            param: 'customer',
            message: "No such customer: 'cus_x'",
          },
        },
        404,
      ),
    );
    await expect(
      client(server.base).request({ method: 'GET', path: '/customers/cus_x' }),
    ).rejects.toMatchObject({
      code: 'STRIPE_RESOURCE_MISSING',
      httpStatus: 404,
      message: "Stripe: No such customer: 'cus_x' (param: customer)",
    });
  });

  it('pages with starting_after until has_more is false, or stops at the limit', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => ({ id: `cus_${i}` }));
    server = await startServer((req, res) => {
      const after = req.url.searchParams.get('starting_after');
      const limit = Number(req.url.searchParams.get('limit'));
      const start = after ? ids.findIndex((c) => c.id === after) + 1 : 0;
      json(res, {
        object: 'list',
        data: ids.slice(start, start + limit),
        has_more: start + limit < ids.length,
      });
    });
    const all = await client(server.base).list('/customers', {}, { limit: 1, returnAll: true, pageSize: 3 });
    expect(all.map((c) => c.id)).toEqual(ids.map((c) => c.id));
    expect(server.seen.map((s) => s.url.searchParams.get('starting_after'))).toEqual([
      null,
      'cus_2',
      'cus_5',
    ]);
    const some = await client(server.base).list(
      '/customers',
      {},
      { limit: 4, returnAll: false, pageSize: 3 },
    );
    expect(some).toHaveLength(4);
  });
});
