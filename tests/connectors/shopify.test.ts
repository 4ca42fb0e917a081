import net from 'node:net';
import { NodeError, ValidationError } from '@shopwire/sdk';
import type { Item, NodeDefinition } from '@shopwire/sdk';
import shopifyPackage, { ShopifyClient, shopifyAdminApi } from '@shopwire/nodes-shopify';
import { createTestContext, runNode } from '@shopwire/testing';
// RETAIL.md: real-server trigger tests use this file; apps/server has no export subpath for it yet
import { setupOwner, startTestServer } from '@shopwire/server/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { levelKey, startShopifyFake } from '../fakes/shopify/index.js';
import type { ShopifyFake } from '../fakes/shopify/index.js';

const node = (type: string): NodeDefinition => {
  const found = shopifyPackage.nodes.find((n) => n.type === type);
  if (!found) throw new Error(`no node ${type}`);
  return found;
};

let fake: ShopifyFake;
const credential = () => ({
  shopDomain: 'boutique.myshopify.com',
  accessToken: 'shpat_test_token',
  webhookSecret: 'shpss_test_client_secret',
  baseUrl: fake.url,
});
const run = (type: string, params: Record<string, unknown>, extra: { items?: Item[] } = {}) =>
  runNode({ node: node(type), params, credentials: { shopify: credential() }, ...extra }) as Promise<Item[]>;

beforeAll(async () => {
  fake = await startShopifyFake();
});
afterAll(async () => {
  await fake.close();
});

describe('shopify credential', () => {
  it('test() reads the shop name, and reports a bad token', async () => {
    const { createHttpClient } = await import('@shopwire/http');
    const http = createHttpClient({ allowPrivateNetworks: true });
    expect(await shopifyAdminApi.test!(credential(), { http })).toEqual({
      ok: true,
      message: 'Connected to Demo Boutique',
    });
    const bad = await shopifyAdminApi.test!({ ...credential(), accessToken: 'nope' }, { http });
    expect(bad.ok).toBe(false);
    const sent = fake.received.at(-1)!;
    expect(sent.path).toBe('/admin/api/2026-04/graphql.json');
  });

  it('a wrong token fails the node with Shopify’s 401 message', async () => {
    const error = await runNode({
      node: node('shopify.getOrder'),
      params: { orderId: 5000 },
      credentials: { shopify: { ...credential(), accessToken: 'wrong' } },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeError);
    expect((error as NodeError).httpStatus).toBe(401);
    expect((error as NodeError).message).toContain('Invalid API key or access token');
  });
});

describe('shopify orders', () => {
  it('gets an order by numeric id or GID', async () => {
    const [byNumber] = await run('shopify.getOrder', { orderId: 5000 });
    const [byGid] = await run('shopify.getOrder', { orderId: 'gid://shopify/Order/5000' });
    expect(byNumber!.json).toEqual(byGid!.json);
    expect(byNumber!.json).toMatchObject({ id: 'gid://shopify/Order/5000', legacyId: '5000', name: '#1001' });
    expect((byNumber!.json.lineItems as unknown[]).length).toBeGreaterThan(0);
  });

  it('names the field for a bad id and reports a missing order', async () => {
    await expect(run('shopify.getOrder', { orderId: 'gid://shopify/Product/1' })).rejects.toMatchObject({
      field: 'orderId',
    });
    await expect(run('shopify.getOrder', { orderId: 1 })).rejects.toThrow(/not found/);
  });

  it('lists orders with a query filter and a limit', async () => {
    const refunded = fake.state.orders.filter((o) => o.financialStatus === 'REFUNDED').length;
    const items = await run('shopify.listOrders', { query: 'financial_status:refunded', returnAll: true });
    expect(items).toHaveLength(refunded);
    expect(items.every((i) => i.json.displayFinancialStatus === 'REFUNDED')).toBe(true);
    expect(await run('shopify.listOrders', { limit: 7 })).toHaveLength(7);
  });

  it('follows cursors across pages (all 500 orders, 100 per page) and honours maxPages', async () => {
    const before = fake.graphqlCalls().length;
    const items = await run('shopify.listOrders', { returnAll: true, pageSize: 100 });
    expect(items).toHaveLength(500);
    expect(new Set(items.map((i) => i.json.id)).size).toBe(500);
    expect(fake.graphqlCalls().length - before).toBe(5);
    const capped = await run('shopify.listOrders', { returnAll: true, pageSize: 50, maxPages: 2 });
    expect(capped).toHaveLength(100);
  });
});

describe('shopify products and inventory', () => {
  it('lists products and gets one with variants, SKUs and inventory item ids', async () => {
    const list = await run('shopify.listProducts', { limit: 60, pageSize: 20 });
    expect(list).toHaveLength(50);
    const [product] = await run('shopify.getProduct', { productId: 1001 });
    const variants = product!.json.variants as { sku: string; inventoryItem: { id: string } }[];
    expect(variants[0]).toMatchObject({
      sku: 'SW-CAN-001',
      inventoryItem: { id: 'gid://shopify/InventoryItem/3001' },
    });
    const bySku = await run('shopify.listProducts', { query: 'sku:SW-CAN-001' });
    expect(bySku.map((i) => i.json.id)).toEqual(['gid://shopify/Product/1001']);
  });

  it('reads inventory levels by item ids, optionally at one location', async () => {
    const all = await run('shopify.getInventoryLevels', { inventoryItemIds: '3001, 3002' });
    expect(all).toHaveLength(4);
    const main = await run('shopify.getInventoryLevels', { inventoryItemIds: [3001], locationId: 1 });
    const level = fake.state.levels.get(
      levelKey('gid://shopify/InventoryItem/3001', 'gid://shopify/Location/1'),
    )!;
    expect(main).toEqual([
      expect.objectContaining({
        json: expect.objectContaining({
          sku: 'SW-CAN-001',
          locationName: 'Main Street Shop',
          available: level.available,
        }),
      }),
    ]);
  });

  it('adjusts stock with an @idempotent key: a replay with the same key is applied once', async () => {
    const key = levelKey('gid://shopify/InventoryItem/3003', 'gid://shopify/Location/1');
    const start = fake.state.levels.get(key)!.available;
    const params = { inventoryItemId: 3003, locationId: 1, delta: -2, reason: 'correction' };
    const first = await run('shopify.adjustInventory', params);
    const replay = await run('shopify.adjustInventory', params); // same execution/node/item → same key
    expect(fake.state.levels.get(key)!.available).toBe(start - 2);
    expect(replay).toEqual(first);
    const sent = fake.graphqlCalls().at(-1)!.body as { query: string };
    expect(sent.query).toContain('@idempotent(key: "exec-1:node-1:0:0")');
    // same key, other parameters → Shopify's error, nothing applied
    await expect(run('shopify.adjustInventory', { ...params, delta: 5 })).rejects.toThrow(
      /different parameters/,
    );
    expect(fake.state.levels.get(key)!.available).toBe(start - 2);
  });

  it('the fake refuses an inventory adjustment without @idempotent on 2026-04', async () => {
    const res = await fetch(`${fake.url}/admin/api/2026-04/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'shpat_test_token' },
      body: JSON.stringify({
        query:
          'mutation A($input: InventoryAdjustQuantitiesInput!) { inventoryAdjustQuantities(input: $input) { userErrors { field message } } }',
        variables: { input: { name: 'available', reason: 'correction', changes: [] } },
      }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('sets stock, and a stale compare quantity fails naming the field', async () => {
    const key = levelKey('gid://shopify/InventoryItem/3004', 'gid://shopify/Location/2');
    const setNode = node('shopify.setInventory');
    const first = createTestContext({
      node: setNode,
      params: { inventoryItemId: 3004, locationId: 2, quantity: 42 },
      credentials: { shopify: credential() },
    });
    first.ctx.idempotencyKey = () => 'set-key-1';
    const [out] = (await setNode.run!(first.ctx)) as Item[];
    expect(fake.state.levels.get(key)!.available).toBe(42);
    expect((out!.json.changes as { quantityAfterChange: number }[])[0]!.quantityAfterChange).toBe(42);
    const { ctx } = createTestContext({
      node: setNode,
      params: { inventoryItemId: 3004, locationId: 2, quantity: 1, expectedQuantity: 7 },
      credentials: { shopify: credential() },
    });
    ctx.idempotencyKey = () => 'set-key-2';
    await expect(setNode.run!(ctx)).rejects.toThrow(/input\.quantities\.0\.changeFromQuantity/);
    expect(fake.state.levels.get(key)!.available).toBe(42);
  });
});

describe('shopify customers', () => {
  it('gets and searches customers', async () => {
    const [c] = await run('shopify.getCustomer', { customerId: 1000 });
    expect(c!.json.email).toBe(fake.state.customers[0]!.email);
    const found = await run('shopify.searchCustomers', { query: `email:${fake.state.customers[3]!.email}` });
    expect(found.map((i) => i.json.id)).toEqual([fake.state.customers[3]!.id]);
  });

  it('upserts by email: creates once, then updates', async () => {
    const params = { email: 'new.shopper@example.test', firstName: 'New', tags: ['vip'] };
    const [created] = await run('shopify.upsertCustomer', params);
    expect(created!.json).toMatchObject({ created: true, email: 'new.shopper@example.test', tags: ['vip'] });
    const [updated] = await run('shopify.upsertCustomer', { ...params, lastName: 'Shopper' });
    expect(updated!.json).toMatchObject({ created: false, id: created!.json.id, lastName: 'Shopper' });
    expect(fake.state.customers.filter((c) => c.email === 'new.shopper@example.test')).toHaveLength(1);
    await expect(run('shopify.upsertCustomer', { email: 'not-an-email' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('turns userErrors into a NodeError naming the field', async () => {
    const client = new ShopifyClient({
      http: (await import('@shopwire/http')).createHttpClient({ allowPrivateNetworks: true }),
      credential: credential(),
      sleep: async () => {},
    });
    const taken = fake.state.customers[0]!.email;
    await expect(
      client.mutate(
        'mutation CustomerCreate($input: CustomerInput!) { customerCreate(input: $input) { customer { id } userErrors { field message } } }',
        { input: { email: taken } },
        'customerCreate',
      ),
    ).rejects.toThrow(/email: Email has already been taken/);
    await expect(client.query('query Nope { nope { id } }')).rejects.toThrow(/Field 'nope' doesn't exist/);
  });
});

describe('shopify throttling', () => {
  afterEach(() => {
    fake.bucket.options = { maximumAvailable: 2000, restoreRate: 100 };
    fake.bucket.set(2000);
    fake.setThrottledStatus(200);
  });

  it('waits for the cost bucket and still returns every page', async () => {
    fake.bucket.options = { maximumAvailable: 120, restoreRate: 400 };
    fake.bucket.set(120);
    const { ctx } = createTestContext({
      node: node('shopify.listOrders'),
      params: { returnAll: true, pageSize: 50 },
      credentials: { shopify: credential() },
    });
    const sleeps: number[] = [];
    ctx.sleep = (ms) => (sleeps.push(ms), new Promise((r) => setTimeout(r, ms)));
    const throttledBefore = fake.state.throttled;
    const started = Date.now();
    const items = (await node('shopify.listOrders').run!(ctx)) as Item[];
    const elapsed = Date.now() - started;
    expect(items).toHaveLength(500);
    // 10 pages × 52 points, 120 in the bucket at the start, 400 points/s: ≥ (520 − 120) / 400 s
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(300);
    // it waited BEFORE sending instead of hammering the API into Throttled answers
    expect(fake.state.throttled - throttledBefore).toBeLessThanOrEqual(1);
    console.log(
      `[shopify throttle] 500 orders in ${elapsed} ms, waited ${sleeps.reduce((a, b) => a + b, 0)} ms over ${sleeps.length} sleeps`,
    );
  });

  it('retries a Throttled 429 after (cost − available) / restoreRate', async () => {
    fake.bucket.options = { maximumAvailable: 100, restoreRate: 50 };
    fake.bucket.set(0);
    fake.setThrottledStatus(429);
    const before = fake.state.throttled;
    const { ctx } = createTestContext({
      node: node('shopify.getOrder'),
      params: { orderId: 5001 },
      credentials: { shopify: credential() },
    });
    const sleeps: number[] = [];
    ctx.sleep = (ms) => (sleeps.push(ms), new Promise((r) => setTimeout(r, ms)));
    const [order] = (await node('shopify.getOrder').run!(ctx)) as Item[];
    expect(order!.json.legacyId).toBe('5001');
    expect(fake.state.throttled - before).toBeGreaterThanOrEqual(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(50); // 3 points at 50/s = 60 ms
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

describe('shopify webhook trigger through the real server', () => {
  it('registers the subscription, verifies HMAC, dedupes deliveries, deletes on deactivate', async () => {
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
        name: 'Shop',
        type: 'shopify.adminApi',
        data: credential(),
      });
      expect(cred.status).toBe(201);
      const wf = await api('POST', '/api/v1/workflows', {
        name: 'New orders',
        nodes: [
          {
            id: 'hook',
            name: 'Shopify',
            type: 'shopify.webhookTrigger',
            params: { topic: 'orders/create' },
            credentials: { shopify: cred.json.id },
          },
          { id: 'set', name: 'Set', type: 'core.set', params: { fields: [{ name: 'seen', value: true }] } },
        ],
        connections: [{ from: { node: 'hook' }, to: { node: 'set' } }],
      });
      expect(wf.status).toBe(201);
      const activated = await api('POST', `/api/v1/workflows/${wf.json.id}/activate`);
      expect(activated.status).toBe(200);

      const subs = [...fake.state.subscriptions.values()];
      expect(subs).toEqual([
        expect.objectContaining({
          topic: 'ORDERS_CREATE',
          callbackUrl: `http://127.0.0.1:${port}/webhook/shopify/orders-create`,
          format: 'JSON',
        }),
      ]);

      const payload = fake.orderPayload('5010');
      const first = await fake.deliverToSubscribers('ORDERS_CREATE', payload, { webhookId: 'wh-1' });
      expect(first.map((d) => d.status)).toEqual([202]);
      const again = await fake.deliverToSubscribers('ORDERS_CREATE', payload, { webhookId: 'wh-1' });
      expect(again[0]!.status).toBe(200);
      expect(JSON.parse(again[0]!.text)).toEqual({ duplicate: true });

      const url = subs[0]!.callbackUrl;
      const forged = await fake.deliverWebhook(url, 'orders/create', payload, {
        secret: 'wrong-secret',
        webhookId: 'wh-2',
      });
      expect(forged.status).toBe(401);
      const unsigned = await fake.deliverWebhook(url, 'orders/create', payload, {
        hmac: null,
        webhookId: 'wh-3',
      });
      expect(unsigned.status).toBe(401);
      const tampered = await fake.deliverWebhook(url, 'orders/create', payload, {
        webhookId: 'wh-4',
        rawBody: JSON.stringify({ ...payload, total_price: '0.00' }),
      });
      expect(tampered.status).toBe(401);
      const otherTopic = await fake.deliverWebhook(url, 'orders/paid', payload, { webhookId: 'wh-5' });
      expect(otherTopic.status).toBe(400);

      const executions = await waitFor(async () => {
        const list = await api('GET', `/api/v1/executions?workflowId=${wf.json.id}`);
        const items = list.json.items as { id: string; status: string }[];
        return items.length === 1 && items[0]!.status === 'success' ? items : undefined;
      });
      await new Promise((r) => setTimeout(r, 200));
      expect((await api('GET', `/api/v1/executions?workflowId=${wf.json.id}`)).json.items).toHaveLength(1);
      const detail = await api('GET', `/api/v1/executions/${executions[0]!.id}`);
      const hookStep = (detail.json.steps as { nodeId: string; output: { main: Item[] } }[]).find(
        (s) => s.nodeId === 'hook',
      )!;
      expect(hookStep.output.main[0]!.json).toMatchObject({
        id: 5010,
        _shopify: { topic: 'orders/create', webhookId: 'wh-1', shop: 'boutique.myshopify.com' },
      });

      expect((await api('POST', `/api/v1/workflows/${wf.json.id}/deactivate`)).status).toBe(200);
      expect(fake.state.subscriptions.size).toBe(0);
      expect(server.logs.join('\n')).not.toContain('shpss_test_client_secret');
    } finally {
      await server.stop();
    }
  });
});

async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
