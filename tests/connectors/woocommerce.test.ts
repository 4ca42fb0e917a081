import net from 'node:net';
import { NodeError, ValidationError } from '@shopwire/sdk';
import type { Item, JsonValue, NodeDefinition, TriggerHookContext } from '@shopwire/sdk';
import { createHttpClient } from '@shopwire/http';
import wooPackage, { wooRestApi } from '@shopwire/nodes-woocommerce';
import { runNode } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// RETAIL.md: real-server trigger tests use this file; apps/server has no export subpath for it yet
import { setupOwner, startTestServer } from '@shopwire/server/test-support';
import { startWooFake } from '../fakes/woocommerce/index.js';
import type { WooFake } from '../fakes/woocommerce/index.js';

const node = (type: string): NodeDefinition => {
  const found = wooPackage.nodes.find((n) => n.type === type);
  if (!found) throw new Error(`no node ${type}`);
  return found;
};

let fake: WooFake;
const credential = () => ({
  storeUrl: 'https://shop.example.com',
  consumerKey: 'ck_testkey',
  consumerSecret: 'cs_testsecret',
  webhookSecret: 'wc-webhook-secret',
  baseUrl: fake.url,
});
const run = (type: string, params: Record<string, unknown>) =>
  runNode({ node: node(type), params, credentials: { woocommerce: credential() } }) as Promise<Item[]>;

beforeAll(async () => {
  fake = await startWooFake();
});
afterAll(async () => {
  await fake.close();
});

describe('woocommerce credential and errors', () => {
  it('test() calls system_status; a wrong key gets WooCommerce’s 401 envelope', async () => {
    const http = createHttpClient({ allowPrivateNetworks: true });
    expect(await wooRestApi.test!(credential(), { http })).toEqual({
      ok: true,
      message: 'Connected to https://shop.example.com (WooCommerce 9.4.0)',
    });
    const bad = await wooRestApi.test!({ ...credential(), consumerSecret: 'cs_wrong' }, { http });
    expect(bad.ok).toBe(false);
    const res = await fetch(
      `${fake.url}/wp-json/wc/v3/products?consumer_key=ck_testkey&consumer_secret=cs_nope`,
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      code: 'woocommerce_rest_cannot_view',
      message: 'Sorry, you cannot list resources.',
      data: { status: 401 },
    });
    const viaQuery = await fetch(
      `${fake.url}/wp-json/wc/v3/products?per_page=1&consumer_key=ck_testkey&consumer_secret=cs_testsecret`,
    );
    expect(viaQuery.status).toBe(200);
  });

  it('turns {code, message, data.status} into a NodeError', async () => {
    const error = await run('woocommerce.getOrder', { orderId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeError);
    expect(error).toMatchObject({ httpStatus: 404, code: 'WOO_WOOCOMMERCE_REST_SHOP_ORDER_INVALID_ID' });
    expect((error as Error).message).toContain('Invalid ID.');
    const denied = await runNode({
      node: node('woocommerce.listOrders'),
      params: {},
      credentials: { woocommerce: { ...credential(), consumerSecret: 'cs_wrong' } },
    }).catch((e: unknown) => e);
    expect(denied).toMatchObject({ httpStatus: 401 });
    expect((denied as Error).message).toContain('Sorry, you cannot list resources.');
  });
});

describe('woocommerce orders', () => {
  it('lists orders across pages using X-WP-TotalPages, and honours filters', async () => {
    const before = fake.received.length;
    const all = await run('woocommerce.listOrders', { returnAll: true, perPage: 100 });
    expect(all).toHaveLength(500);
    expect(new Set(all.map((i) => i.json.id)).size).toBe(500);
    expect(fake.received.length - before).toBe(5);
    const last = fake.received.at(-1)!;
    expect(last.query.get('page')).toBe('5');

    const processing = await run('woocommerce.listOrders', { status: ['processing'], returnAll: true });
    expect(processing.length).toBe(fake.state.orders.filter((o) => o.status === 'processing').length);
    const recent = await run('woocommerce.listOrders', { after: '2026-10-01T00:00:00Z', returnAll: true });
    expect(recent.length).toBeGreaterThan(0);
    expect(
      recent.every(
        (i) => Date.parse(`${String(i.json.date_created_gmt)}Z`) > Date.parse('2026-10-01T00:00:00Z'),
      ),
    ).toBe(true);
    expect(fake.received.at(-1)!.query.get('dates_are_gmt')).toBe('true');
    expect(await run('woocommerce.listOrders', { limit: 7 })).toHaveLength(7);
  });

  it('gets an order and updates its status', async () => {
    const [order] = await run('woocommerce.getOrder', { orderId: 5499 });
    expect(order!.json).toMatchObject({ id: 5499, status: 'processing' });
    const [updated] = await run('woocommerce.updateOrderStatus', { orderId: '5499', status: 'completed' });
    expect(updated!.json.status).toBe('completed');
    expect(fake.state.orders.find((o) => o.id === 5499)!.status).toBe('completed');
    const modified = await run('woocommerce.listOrders', {
      modifiedAfter: new Date(Date.now() - 60_000).toISOString(),
      returnAll: true,
    });
    expect(modified.map((i) => i.json.id)).toEqual([5499]);
    await expect(
      run('woocommerce.updateOrderStatus', { orderId: 5499, status: 'shipped' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('slows down on 429 (Retry-After) and still completes', async () => {
    fake.setRateLimit({ limit: 4, windowMs: 1000 });
    try {
      const before = fake.rateLimited();
      const started = Date.now();
      const items = await run('woocommerce.listOrders', { limit: 60, perPage: 10 });
      expect(items).toHaveLength(60);
      expect(fake.rateLimited() - before).toBeGreaterThan(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    } finally {
      fake.setRateLimit(undefined);
    }
  });
});

describe('woocommerce products and customers', () => {
  it('lists products by SKU and updates stock (status follows quantity)', async () => {
    const [product] = await run('woocommerce.listProducts', { sku: 'SW-CAN-001' });
    expect(product!.json).toMatchObject({ id: 101, sku: 'SW-CAN-001', manage_stock: true });
    const [zero] = await run('woocommerce.updateStock', { productId: 101, stockQuantity: 0 });
    expect(zero!.json).toMatchObject({ stock_quantity: 0, stock_status: 'outofstock' });
    const [unmanaged] = await run('woocommerce.updateStock', {
      productId: 101,
      manageStock: false,
      stockStatus: 'onbackorder',
    });
    expect(unmanaged!.json).toMatchObject({ manage_stock: false, stock_status: 'onbackorder' });
    await expect(run('woocommerce.updateStock', { productId: 101 })).rejects.toMatchObject({
      field: 'stockQuantity',
    });
    await run('woocommerce.updateStock', { productId: 101, stockQuantity: 12 });
    expect(await run('woocommerce.listProducts', { returnAll: true, perPage: 20 })).toHaveLength(50);
  });

  it('batches products in chunks of ≤ 100 and reports per-entry errors', async () => {
    const create = Array.from({ length: 130 }, (_, i) => ({
      name: `Batch ${i}`,
      sku: `SW-BAT-${i}`,
      regular_price: '5.00',
      manage_stock: true,
      stock_quantity: 3,
    }));
    create.push({
      name: 'Dup',
      sku: 'SW-CAN-001',
      regular_price: '1.00',
      manage_stock: true,
      stock_quantity: 1,
    });
    const update = [
      { id: 102, stock_quantity: 7 },
      { id: 999_999, stock_quantity: 1 },
    ];
    const callsBefore = fake.batch.calls;
    const out = await run('woocommerce.batchProducts', { create, update });
    expect(fake.batch.calls - callsBefore).toBe(2);
    expect(fake.batch.sizes.slice(-2)).toEqual([100, 33]);
    expect(out.filter((i) => i.json.operation === 'create' && i.json.ok)).toHaveLength(130);
    expect(
      out
        .filter((i) => !i.json.ok)
        .map((i) => (i.json.error as { code: string }).code)
        .sort(),
    ).toEqual(['product_invalid_sku', 'woocommerce_rest_product_invalid_id']);
    const ids = out.filter((i) => i.json.operation === 'create' && i.json.ok).map((i) => i.json.id as number);
    const deleted = await run('woocommerce.batchProducts', { delete: ids });
    expect(deleted).toHaveLength(130);
    expect(fake.state.products).toHaveLength(50);
    // the fake enforces the limit like WooCommerce
    const tooBig = await fetch(`${fake.url}/wp-json/wc/v3/products/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('ck_testkey:cs_testsecret').toString('base64')}`,
      },
      body: JSON.stringify({ delete: Array.from({ length: 101 }, (_, i) => i + 1) }),
    });
    expect(tooBig.status).toBe(413);
  });

  it('lists and gets customers', async () => {
    const page = await run('woocommerce.listCustomers', { returnAll: true, perPage: 40 });
    expect(page).toHaveLength(150);
    const email = fake.state.customers[5]!.email as string;
    const [byEmail] = await run('woocommerce.listCustomers', { email });
    expect(byEmail!.json.id).toBe(fake.state.customers[5]!.id);
    const [one] = await run('woocommerce.getCustomer', { customerId: 1000 });
    expect(one!.json.email).toBe(fake.state.customers[0]!.email);
  });
});

describe('woocommerce low-stock polling', () => {
  function hookContext(
    params: Record<string, unknown>,
    baseUrl: string,
  ): TriggerHookContext<never> & { store: Map<string, JsonValue> } {
    const store = new Map<string, JsonValue>();
    const parsed = node('woocommerce.lowStockTrigger').params.parse(params);
    return {
      store,
      params: parsed as never,
      workflow: { id: 'wf', name: 'Low stock', projectId: 'p' },
      node: { id: 'n', name: 'Low stock' },
      credential: async () => ({ ...credential(), baseUrl }),
      http: createHttpClient({ allowPrivateNetworks: true }),
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      state: {
        get: async <T>(k: string) => store.get(k) as T | undefined,
        set: async (k, v) => void store.set(k, v),
      },
    };
  }

  it('emits each low product once, survives equal timestamps and late arrivals', async () => {
    const local = await startWooFake();
    const poll = (ctx: TriggerHookContext<never>) => {
      const spec = node('woocommerce.lowStockTrigger').trigger!;
      if (spec.type !== 'polling') throw new Error('not polling');
      return spec.poll(ctx as never);
    };
    try {
      const ctx = hookContext({ threshold: 3, overlapSeconds: 120 }, local.url);
      const lowAtStart = local.state.products
        .filter((p) => (p.stock_quantity as number) <= 3)
        .map((p) => p.id);
      const first = await poll(ctx);
      expect(first.map((i) => i.json.id).sort()).toEqual([...lowAtStart].sort());
      expect(await poll(ctx)).toEqual([]); // nothing changed

      const base = Date.parse('2026-11-01T12:00:00Z');
      const [a, b, c] = local.state.products
        .filter((p) => (p.stock_quantity as number) > 10)
        .map((p) => p.id);
      expect(c).toBeDefined();
      // product a drops low at T; we poll; then b is saved in the SAME second T
      local.updateProduct(a!, { stock_quantity: 2 }, base);
      expect((await poll(ctx)).map((i) => i.json.id)).toEqual([a]);
      local.updateProduct(b!, { stock_quantity: 1 }, base);
      const sameSecond = await poll(ctx);
      expect(sameSecond.map((i) => i.json.id)).toEqual([b]);
      expect(local.received.at(-1)!.query.get('modified_after')).toBe('2026-11-01T11:58:00');

      // a late arrival: saved at T−30 s (before the cursor) but visible only now
      local.updateProduct(c!, { stock_quantity: 0 }, base - 30_000);
      expect((await poll(ctx)).map((i) => i.json.id)).toEqual([c]);
      expect(await poll(ctx)).toEqual([]);

      // re-saved at the same level → nothing; lower level → emitted again
      local.updateProduct(a!, { name: 'Renamed' }, base + 5_000);
      expect(await poll(ctx)).toEqual([]);
      local.updateProduct(a!, { stock_quantity: 1 }, base + 6_000);
      expect((await poll(ctx)).map((i) => [i.json.id, i.json.stock_quantity])).toEqual([[a, 1]]);
    } finally {
      await local.close();
    }
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('woocommerce webhook trigger through the real server', () => {
  it('registers the webhook, ignores the ping, verifies signatures, dedupes, deletes on deactivate', async () => {
    const hookFake = await startWooFake({ pingDelayMs: 300 });
    const port = await freePort();
    const server = await startTestServer({
      PORT: String(port),
      SHOPWIRE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    try {
      const cookie = await setupOwner(server);
      const api = (method: string, path: string, json?: unknown) =>
        server.request(method, path, json === undefined ? { cookie } : { cookie, json });
      const cred = await api('POST', '/api/v1/credentials', {
        name: 'Woo',
        type: 'woocommerce.restApi',
        data: { ...credential(), baseUrl: hookFake.url },
      });
      expect(cred.status).toBe(201);
      const wf = await api('POST', '/api/v1/workflows', {
        name: 'Woo orders',
        nodes: [
          {
            id: 'hook',
            name: 'Woo',
            type: 'woocommerce.webhookTrigger',
            params: { topic: 'order.created' },
            credentials: { woocommerce: cred.json.id },
          },
          { id: 'set', name: 'Set', type: 'core.set', params: { fields: [{ name: 'seen', value: true }] } },
        ],
        connections: [{ from: { node: 'hook' }, to: { node: 'set' } }],
      });
      expect((await api('POST', `/api/v1/workflows/${wf.json.id}/activate`)).status).toBe(200);

      const hooks = [...hookFake.state.webhooks.values()];
      expect(hooks).toEqual([
        expect.objectContaining({
          topic: 'order.created',
          delivery_url: `http://127.0.0.1:${port}/webhook/woocommerce/order-created`,
          secret: 'wc-webhook-secret',
          status: 'active',
        }),
      ]);
      // the creation ping (sent by the fake after the POST) is acknowledged and starts nothing
      const ping = await waitFor(() => hookFake.state.sent.find((s) => s.kind === 'ping'));
      expect(ping.status).toBe(200);
      expect(await hookFake.ping(hooks[0]!.id)).toBe(200);

      const order = hookFake.state.orders[0]!;
      const [first] = await hookFake.deliverToWebhooks('order.created', order, { deliveryId: 'd-1' });
      expect(first!.status).toBe(202);
      const [again] = await hookFake.deliverToWebhooks('order.created', order, { deliveryId: 'd-1' });
      expect(JSON.parse(again!.text)).toEqual({ duplicate: true });

      const url = hooks[0]!.delivery_url;
      expect(
        (await hookFake.deliverWebhook(url, 'order.created', order, { secret: 'wrong', deliveryId: 'd-2' }))
          .status,
      ).toBe(401);
      expect(
        (
          await hookFake.deliverWebhook(url, 'order.created', order, {
            secret: 'x',
            signature: null,
            deliveryId: 'd-3',
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await hookFake.deliverWebhook(url, 'order.updated', order, {
            secret: 'wc-webhook-secret',
            deliveryId: 'd-4',
          })
        ).status,
      ).toBe(400);

      const executions = await waitFor(async () => {
        const items = (await api('GET', `/api/v1/executions?workflowId=${wf.json.id}`)).json.items as {
          id: string;
          status: string;
        }[];
        return items.length === 1 && items[0]!.status === 'success' ? items : undefined;
      });
      await new Promise((r) => setTimeout(r, 200));
      expect((await api('GET', `/api/v1/executions?workflowId=${wf.json.id}`)).json.items).toHaveLength(1);
      const detail = await api('GET', `/api/v1/executions/${executions[0]!.id}`);
      const step = (detail.json.steps as { nodeId: string; output: { main: Item[] } }[]).find(
        (s) => s.nodeId === 'hook',
      )!;
      expect(step.output.main[0]!.json).toMatchObject({
        id: order.id,
        _woocommerce: { topic: 'order.created', deliveryId: 'd-1', resource: 'order' },
      });

      expect((await api('POST', `/api/v1/workflows/${wf.json.id}/deactivate`)).status).toBe(200);
      expect(hookFake.state.webhooks.size).toBe(0);
      expect(hookFake.received.some((r) => r.method === 'DELETE' && r.query.get('force') === 'true')).toBe(
        true,
      );
      expect(server.logs.join('\n')).not.toContain('cs_testsecret');
    } finally {
      await server.stop();
      await hookFake.close();
    }
  });
});
