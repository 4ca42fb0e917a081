import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import squarePackage from '@shopwire/nodes-square';
import { createTestContext } from '@shopwire/testing';
import type { Item, NodeDefinition } from '@shopwire/sdk';
import { startSquareFake, type SquareFake } from '../fakes/square/index.js';
import { runWithKey } from './support/run-with-key.js';

const node = (type: string): NodeDefinition => {
  const found = squarePackage.nodes.find((n) => n.type === type);
  if (!found) throw new Error(`no node ${type}`);
  return found;
};

let fake: SquareFake;
beforeAll(async () => {
  fake = await startSquareFake({ rateLimitPerSecond: false, catalogPageSize: 30 });
});
afterAll(async () => fake.close());

/** Runs a node like the engine does; each run gets its own idempotency key unless one is given. */
const run = (
  type: string,
  params: Record<string, unknown>,
  options: { key?: string; items?: Item[]; credential?: Record<string, unknown> } = {},
) =>
  runWithKey({
    node: node(type),
    params,
    credentials: { square: options.credential ?? { accessToken: fake.accessToken, baseUrl: fake.url } },
    key: options.key ?? randomUUID().slice(0, 30),
    ...(options.items ? { items: options.items } : {}),
  });

const requests = (method: string, pathname: string) =>
  fake.received.filter((r) => r.method === method && r.path === pathname);

describe('square credential and client', () => {
  it('tests the connection with GET /v2/locations; a wrong token fails', async () => {
    const type = squarePackage.credentials!.find((c) => c.type === 'square.accessToken')!;
    const { ctx } = createTestContext({ node: node('square.getPayment'), params: { paymentId: 'PAY_1' } });
    const data = type.schema.parse({ accessToken: fake.accessToken, baseUrl: fake.url });
    await expect(type.test!(data, ctx)).resolves.toEqual({
      ok: true,
      message: 'Connected to Square (2 locations)',
    });
    const bad = await type.test!(
      type.schema.parse({ accessToken: 'EAAAwrong-token-value', baseUrl: fake.url }),
      ctx,
    );
    expect(bad).toEqual({ ok: false, message: 'Square answered 401: This request could not be authorized.' });
  });

  it('sends Bearer auth and the pinned Square-Version; errors name the field', async () => {
    await run('square.getPayment', { paymentId: 'PAY_5000' });
    const seen = requests('GET', '/v2/payments/PAY_5000').at(-1)!;
    expect(seen.headers['authorization']).toBe(`Bearer ${fake.accessToken}`);
    expect(seen.headers['square-version']).toBe('2026-01-22');
    await expect(run('square.getPayment', { paymentId: 'PAY_nope' })).rejects.toMatchObject({
      httpStatus: 404,
      code: 'SQUARE_NOT_FOUND',
      itemIndex: 0,
    });
    await expect(
      run('square.createOrder', {
        locationId: 'loc-main',
        lineItems: [{ catalogObjectId: 'VAR_NOPE', quantity: 1 }],
      }),
    ).rejects.toMatchObject({
      httpStatus: 400,
      message: expect.stringContaining('(field: order.line_items[0].catalog_object_id)'),
    });
    await expect(
      run(
        'square.getPayment',
        { paymentId: 'PAY_5000' },
        { credential: { accessToken: 'EAAAwrong-token-value', baseUrl: fake.url } },
      ),
    ).rejects.toMatchObject({
      httpStatus: 401,
      code: 'SQUARE_UNAUTHORIZED',
    });
  });
});

describe('square catalog and inventory', () => {
  it('lists items and variations across cursor pages, with the demo SKUs', async () => {
    const before = requests('GET', '/v2/catalog/list').length;
    const objects = await run('square.listCatalog', {});
    expect(objects).toHaveLength(100); // 50 items + 50 variations
    expect(requests('GET', '/v2/catalog/list').length - before).toBe(4); // pages of 30
    const variations = objects.filter((o) => o.type === 'ITEM_VARIATION');
    expect(variations.map((v) => (v.item_variation_data as { sku: string }).sku)).toContain('SW-CAN-001');
    expect(variations[0]).toMatchObject({
      item_variation_data: { track_inventory: true, inventory_alert_threshold: expect.any(Number) },
    });
    expect(requests('GET', '/v2/catalog/list').at(-1)!.query.get('types')).toBe('ITEM,ITEM_VARIATION');
  });

  it('finds a variation by SKU with its item; nothing for an unknown SKU', async () => {
    const [found] = await run('square.searchCatalogBySku', { sku: 'SW-LIN-003' });
    expect(found).toMatchObject({ id: 'VAR_SW_LIN_003', item: { id: 'ITEM_SW_LIN_003', type: 'ITEM' } });
    expect(await run('square.searchCatalogBySku', { sku: 'NOPE-1' })).toEqual([]);
  });

  it('reads counts, adjusts IN_STOCK → SOLD / WASTE and NONE → IN_STOCK, records a physical count', async () => {
    const id = 'VAR_SW_CER_002';
    const start = fake.count(id, 'loc-main');
    const [count] = await run('square.batchRetrieveInventoryCounts', {
      catalogObjectIds: [id],
      locationIds: ['loc-main'],
    });
    expect(count).toMatchObject({
      catalog_object_id: id,
      location_id: 'loc-main',
      state: 'IN_STOCK',
      quantity: String(start),
    });
    const counts = await run('square.batchCreateInventoryChanges', {
      changes: [
        { catalogObjectId: id, locationId: 'loc-main', quantity: 2, fromState: 'IN_STOCK', toState: 'SOLD' },
        {
          catalogObjectId: id,
          locationId: 'loc-main',
          quantity: '1',
          fromState: 'IN_STOCK',
          toState: 'WASTE',
        },
        { catalogObjectId: id, locationId: 'loc-main', quantity: 10, fromState: 'NONE', toState: 'IN_STOCK' },
      ],
    });
    const byState = Object.fromEntries(counts.map((c) => [c.state, c.quantity]));
    expect(byState).toMatchObject({ IN_STOCK: String(start + 7), SOLD: '2', WASTE: '1' });
    const body = requests('POST', '/v2/inventory/changes/batch-create').at(-1)!.body as {
      idempotency_key: string;
      changes: { adjustment: { quantity: unknown } }[];
    };
    expect(body.idempotency_key).toBeTruthy();
    expect(body.changes[0]!.adjustment.quantity).toBe('2');
    await run('square.batchCreateInventoryChanges', {
      changes: [{ type: 'PHYSICAL_COUNT', catalogObjectId: id, locationId: 'loc-popup', quantity: 4 }],
    });
    expect(fake.count(id, 'loc-popup')).toBe(4);
    await expect(
      run('square.batchCreateInventoryChanges', {
        changes: [{ catalogObjectId: id, locationId: 'loc-main', quantity: 1, fromState: 'IN_STOCK' }],
      }),
    ).rejects.toMatchObject({ field: 'params.changes.0.toState' });
  });

  it('pages through every count (100 per location pair) with a small page size', async () => {
    const before = requests('POST', '/v2/inventory/counts/batch-retrieve').length;
    const counts = await run('square.batchRetrieveInventoryCounts', { states: ['IN_STOCK'], pageSize: 40 });
    expect(counts).toHaveLength(100);
    expect(requests('POST', '/v2/inventory/counts/batch-retrieve').length - before).toBe(3);
  });
});

describe('square orders', () => {
  it('creates an order from catalog variations with decimal quantities', async () => {
    const [order] = await run('square.createOrder', {
      locationId: 'loc-popup',
      referenceId: 'web-77',
      lineItems: [
        { catalogObjectId: 'VAR_SW_CAN_001', quantity: 2 },
        { catalogObjectId: 'VAR_SW_STA_004', quantity: '1' },
      ],
    });
    const price = (id: string) =>
      (
        fake.state.catalog.find((o) => o.id === id)!.item_variation_data as {
          price_money: { amount: number };
        }
      ).price_money.amount;
    expect(order).toMatchObject({
      location_id: 'loc-popup',
      state: 'OPEN',
      reference_id: 'web-77',
      total_money: { amount: 2 * price('VAR_SW_CAN_001') + price('VAR_SW_STA_004'), currency: 'USD' },
    });
    expect((order!.line_items as { quantity: string }[]).map((l) => l.quantity)).toEqual(['2', '1']);
  });

  it('searches orders by location across cursor pages, newest first', async () => {
    const before = requests('POST', '/v2/orders/search').length;
    const orders = await run('square.searchOrders', {
      locationIds: ['loc-main'],
      states: ['COMPLETED'],
      returnAll: true,
      pageSize: 100,
    });
    const expected = fake.state.orders.filter(
      (o) => o.location_id === 'loc-main' && o.state === 'COMPLETED',
    ).length;
    expect(orders).toHaveLength(expected);
    expect(requests('POST', '/v2/orders/search').length - before).toBe(Math.ceil(expected / 100));
    const created = orders.map((o) => o.created_at as string);
    expect([...created].sort().reverse()).toEqual(created);
    const few = await run('square.searchOrders', { locationIds: ['loc-main', 'loc-popup'], limit: 5 });
    expect(few).toHaveLength(5);
    await expect(run('square.searchOrders', { locationIds: [] })).rejects.toMatchObject({
      field: 'params.locationIds',
    });
  });
});

describe('square customers', () => {
  it('creates, searches by email (exact and fuzzy) and updates', async () => {
    const [customer] = await run('square.createCustomer', {
      givenName: 'Pia',
      familyName: 'Evans',
      emailAddress: 'pia.evans@example.test',
    });
    expect(customer).toMatchObject({
      given_name: 'Pia',
      email_address: 'pia.evans@example.test',
      version: 0,
    });
    const found = await run('square.searchCustomers', { email: 'PIA.evans@example.test' });
    expect(found.map((c) => c.id)).toEqual([customer!.id]);
    const fuzzy = await run('square.searchCustomers', { email: 'ava.', match: 'fuzzy', returnAll: true });
    expect(fuzzy.length).toBeGreaterThan(0);
    const [updated] = await run('square.updateCustomer', {
      customerId: customer!.id,
      phoneNumber: '+15557654321',
      version: 0,
    });
    expect(updated).toMatchObject({ phone_number: '+15557654321', given_name: 'Pia', version: 1 });
    await expect(
      run('square.updateCustomer', { customerId: customer!.id, note: 'stale', version: 0 }),
    ).rejects.toMatchObject({
      code: 'SQUARE_VERSION_MISMATCH',
      message: expect.stringContaining('(field: version)'),
    });
    await expect(run('square.createCustomer', { note: 'no name' })).rejects.toMatchObject({
      field: 'params.emailAddress',
    });
  });

  it('lists all 150 demo customers over pages of 100', async () => {
    const all = await run('square.searchCustomers', { returnAll: true });
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });
});

describe('square payments and refunds', () => {
  it('lists payments across pages and reads one', async () => {
    const before = requests('GET', '/v2/payments').length;
    const payments = await run('square.listPayments', { returnAll: true, pageSize: 100 });
    expect(payments).toHaveLength(500);
    expect(requests('GET', '/v2/payments').length - before).toBe(5);
    const atPopup = await run('square.listPayments', { locationId: 'loc-popup', returnAll: true });
    expect(atPopup.every((p) => p.location_id === 'loc-popup')).toBe(true);
    expect((await run('square.getPayment', { paymentId: 'PAY_5001' }))[0]).toMatchObject({
      id: 'PAY_5001',
      status: 'COMPLETED',
    });
  });

  it('refunds with an idempotency key; over-refunds are refused naming the field', async () => {
    const payment = fake.state.payments.find((p) => p.id === 'PAY_5002')!;
    const amount = (payment.amount_money as { amount: number }).amount;
    const [refund] = await run('square.refundPayment', {
      paymentId: 'PAY_5002',
      amount: 100,
      reason: 'Chipped',
    });
    expect(refund).toMatchObject({
      payment_id: 'PAY_5002',
      amount_money: { amount: 100, currency: 'USD' },
      status: 'PENDING',
    });
    await expect(run('square.refundPayment', { paymentId: 'PAY_5002', amount })).rejects.toMatchObject({
      code: 'SQUARE_REFUND_AMOUNT_INVALID',
      message: expect.stringContaining('(field: amount_money.amount)'),
    });
    const refunds = await run('square.listRefunds', { returnAll: true });
    expect(refunds.some((r) => r.id === refund!.id)).toBe(true);
  });
});

describe('square idempotency', () => {
  it('a retried write is applied once: the lost response is replayed', async () => {
    const before = fake.state.refunds.length;
    fake.faults.lostResponses = 1;
    const [refund] = await run('square.refundPayment', { paymentId: 'PAY_5003', amount: 250 });
    expect(fake.state.refunds.length).toBe(before + 1);
    expect(refund).toMatchObject({ amount_money: { amount: 250 } });
    const attempts = requests('POST', '/v2/refunds')
      .slice(-2)
      .map((r) => (r.body as { idempotency_key: string }).idempotency_key);
    expect(attempts[0]).toBe(attempts[1]);
    expect(fake.state.payments.find((p) => p.id === 'PAY_5003')!.refunded_money).toEqual({
      amount: 250,
      currency: 'USD',
    });
  });

  it('re-running with the same key replays; the same key with other params is IDEMPOTENCY_KEY_REUSED', async () => {
    const id = 'VAR_SW_JEW_005';
    const start = fake.count(id, 'loc-main');
    const change = {
      catalogObjectId: id,
      locationId: 'loc-main',
      quantity: 1,
      fromState: 'IN_STOCK',
      toState: 'SOLD',
      occurredAt: '2026-10-30T10:00:00Z',
    };
    await run('square.batchCreateInventoryChanges', { changes: [change] }, { key: 'sale-1' });
    await run('square.batchCreateInventoryChanges', { changes: [change] }, { key: 'sale-1' });
    expect(fake.count(id, 'loc-main')).toBe(start - 1);
    await expect(
      run('square.batchCreateInventoryChanges', { changes: [{ ...change, quantity: 3 }] }, { key: 'sale-1' }),
    ).rejects.toMatchObject({
      code: 'SQUARE_IDEMPOTENCY_KEY_REUSED',
      httpStatus: 400,
      message: expect.stringContaining('(field: idempotency_key)'),
    });
    expect(fake.count(id, 'loc-main')).toBe(start - 1);
  });
});

describe('square rate limiting', () => {
  it('backs off with jitter on 429 RATE_LIMITED (with and without Retry-After) and completes', async () => {
    for (const retryAfter of [undefined, 1]) {
      fake.setRateLimit(2, retryAfter);
      try {
        const before = fake.received.length;
        const started = Date.now();
        const payments = await run('square.listPayments', { returnAll: true, pageSize: 100 });
        expect(payments).toHaveLength(500);
        const sent = fake.received.length - before;
        expect(sent).toBeGreaterThan(5); // 5 pages, some of them sent again after a 429
        expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // 5 requests at 2/s
      } finally {
        fake.setRateLimit(false);
      }
    }
  });
});
