import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import stripePackage from '@shopwire/nodes-stripe';
import { createTestContext } from '@shopwire/testing';
import type { Item, NodeDefinition } from '@shopwire/sdk';
import { startStripeFake, type StripeFake } from '../fakes/stripe/index.js';
import { runWithKey } from './support/run-with-key.js';

const node = (type: string): NodeDefinition => {
  const found = stripePackage.nodes.find((n) => n.type === type);
  if (!found) throw new Error(`no node ${type}`);
  return found;
};

let fake: StripeFake;
beforeAll(async () => {
  fake = await startStripeFake({ rateLimitPerSecond: false });
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
    credentials: { stripe: options.credential ?? { secretKey: fake.apiKey, baseUrl: fake.url } },
    key: options.key ?? randomUUID(),
    ...(options.items ? { items: options.items } : {}),
  });

const posts = (pathname: string) => fake.received.filter((r) => r.method === 'POST' && r.path === pathname);

describe('stripe credential', () => {
  it('tests the connection with GET /v1/balance; a wrong key fails with a masked message', async () => {
    const type = stripePackage.credentials!.find((c) => c.type === 'stripe.apiKey')!;
    const { ctx } = createTestContext({ node: node('stripe.getCustomer'), params: { customerId: 'cus_x' } });
    await expect(type.test!({ secretKey: fake.apiKey, baseUrl: fake.url }, ctx)).resolves.toEqual({
      ok: true,
      message: 'Connected to Stripe (test mode)',
    });
    const bad = await type.test!({ secretKey: 'sk_test_wrongKeyValue9876', baseUrl: fake.url }, ctx);
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain('Invalid API Key provided: sk_test_****9876');
    expect(bad.message).not.toContain('wrongKeyValue');
    expect(type.schema.safeParse({ secretKey: 'pk_test_123' }).success).toBe(false);
  });

  it('a node with a wrong key fails with 401 and the API message', async () => {
    const run401 = run(
      'stripe.getCustomer',
      { customerId: 'cus_demo1000' },
      { credential: { secretKey: 'sk_test_nope1234', baseUrl: fake.url } },
    );
    await expect(run401).rejects.toMatchObject({
      httpStatus: 401,
      message: expect.stringContaining('sk_test_****1234'),
    });
  });
});

describe('stripe customers', () => {
  it('creates, reads, updates (metadata merge) and finds by email', async () => {
    const [created] = await run('stripe.createCustomer', {
      email: 'nora.wright@example.test',
      name: 'Nora Wright',
      metadata: { tier: 'gold', source: 'pos' },
    });
    expect(created).toMatchObject({
      object: 'customer',
      email: 'nora.wright@example.test',
      metadata: { tier: 'gold', source: 'pos' },
    });
    const id = created!.id as string;
    const [updated] = await run('stripe.updateCustomer', {
      customerId: id,
      phone: '+15551234567',
      metadata: { tier: 'vip', source: '' },
    });
    expect(updated).toMatchObject({ phone: '+15551234567', name: 'Nora Wright', metadata: { tier: 'vip' } });
    expect((await run('stripe.getCustomer', { customerId: id }))[0]).toMatchObject({
      id,
      metadata: { tier: 'vip' },
    });
    const found = await run('stripe.findCustomers', { email: 'nora.wright@example.test' });
    expect(found.map((c) => c.id)).toEqual([id]);
    await expect(run('stripe.getCustomer', { customerId: 'cus_missing' })).rejects.toMatchObject({
      httpStatus: 404,
      itemIndex: 0,
      message: "Stripe: No such customer: 'cus_missing' (param: id)",
    });
  });

  it('lists every seeded customer across pages (starting_after)', async () => {
    const before = fake.received.length;
    const all = await run('stripe.findCustomers', { returnAll: true, pageSize: 40 });
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    const pages = fake.received.slice(before).filter((r) => r.path === '/v1/customers');
    expect(pages.length).toBe(Math.ceil(all.length / 40));
    expect(pages[1]!.query.get('starting_after')).toBe(all[39]!.id);
    expect(await run('stripe.findCustomers', { limit: 7 })).toHaveLength(7);
  });

  it('runs once per input item, each with its own idempotency key', async () => {
    const out = await run(
      'stripe.createCustomer',
      { email: 'x@example.test' },
      {
        items: [{ json: {} }, { json: {} }],
      },
    );
    expect(out).toHaveLength(2);
    const keys = posts('/v1/customers')
      .slice(-2)
      .map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(2);
  });

  it('names the bad field when params are invalid', async () => {
    await expect(run('stripe.createCustomer', { email: 'not-an-email' })).rejects.toMatchObject({
      field: 'params.email',
    });
  });
});

describe('stripe idempotency', () => {
  it('a retried write is applied once: the lost response is replayed', async () => {
    const count = fake.state.refunds.length;
    fake.faults.lostResponses = 1; // applied, but the 503 makes the client retry with the same key
    const [refund] = await run('stripe.createRefund', { charge: 'ch_demo5010', amount: 500 });
    expect(refund).toMatchObject({ object: 'refund', amount: 500, charge: 'ch_demo5010' });
    expect(fake.state.refunds.length).toBe(count + 1);
    const attempts = posts('/v1/refunds').slice(-2);
    expect(attempts[0]!.headers['idempotency-key']).toBe(attempts[1]!.headers['idempotency-key']);
    expect(fake.state.charges.find((c) => c.id === 'ch_demo5010')!.amount_refunded).toBe(500);
  });

  it('the engine re-running a node with the same key creates nothing new', async () => {
    const count = fake.state.customers.length;
    const first = await run('stripe.createCustomer', { email: 'once@example.test' }, { key: 'resume-1' });
    const again = await run('stripe.createCustomer', { email: 'once@example.test' }, { key: 'resume-1' });
    expect(again).toEqual(first);
    expect(fake.state.customers.length).toBe(count + 1);
  });

  it('the same key with other params is an idempotency_error', async () => {
    await run('stripe.createCustomer', { email: 'a@example.test' }, { key: 'reuse-1' });
    await expect(
      run('stripe.createCustomer', { email: 'b@example.test' }, { key: 'reuse-1' }),
    ).rejects.toMatchObject({
      code: 'STRIPE_IDEMPOTENCY_ERROR',
      httpStatus: 400,
    });
  });

  it('the fake replays the first result, even a 500, with Idempotent-Replayed', async () => {
    fake.faults.serverErrors = 1;
    const send = () =>
      fetch(`${fake.url}/v1/customers`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${fake.apiKey}`,
          'idempotency-key': 'err-1',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'email=e%40example.test',
      });
    const first = await send();
    expect(first.status).toBe(500);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const second = await send();
    expect(second.status).toBe(500);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('stripe refunds and charges', () => {
  it('refunds partially, by payment intent, and refuses over-refunds naming the param', async () => {
    const charge = fake.state.charges.find((c) => c.id === 'ch_demo5020')!;
    const total = charge.amount as number;
    await run('stripe.createRefund', { charge: 'ch_demo5020', amount: 100, reason: 'requested_by_customer' });
    await expect(run('stripe.createRefund', { charge: 'ch_demo5020', amount: total })).rejects.toMatchObject({
      code: 'STRIPE_AMOUNT_TOO_LARGE',
      httpStatus: 400,
      message: expect.stringContaining('(param: amount)'),
    });
    const [rest] = await run('stripe.createRefund', { paymentIntent: 'pi_demo5020' });
    expect(rest).toMatchObject({ amount: total - 100, payment_intent: 'pi_demo5020' });
    expect((await run('stripe.getCharge', { chargeId: 'ch_demo5020' }))[0]).toMatchObject({
      refunded: true,
      amount_refunded: total,
    });
    await expect(run('stripe.createRefund', { charge: 'ch_demo5020' })).rejects.toMatchObject({
      code: 'STRIPE_CHARGE_ALREADY_REFUNDED',
    });
    const refunds = await run('stripe.listRefunds', { charge: 'ch_demo5020' });
    expect(refunds.map((r) => r.amount)).toEqual([total - 100, 100]);
    await expect(run('stripe.createRefund', { charge: 'ch_x', paymentIntent: 'pi_x' })).rejects.toMatchObject(
      { field: 'params.charge' },
    );
  });

  it('lists all 500 seeded charges over 5 pages, and filters by customer', async () => {
    const before = fake.received.length;
    const all = await run('stripe.listCharges', { returnAll: true });
    expect(all.length).toBeGreaterThanOrEqual(500);
    expect(fake.received.slice(before).filter((r) => r.path === '/v1/charges')).toHaveLength(
      Math.ceil(all.length / 100),
    );
    const created = all.map((c) => c.created as number);
    expect([...created].sort((a, b) => b - a)).toEqual(created); // newest first
    const mine = await run('stripe.listCharges', { customer: 'cus_demo1000', returnAll: true });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.customer === 'cus_demo1000')).toBe(true);
    expect(await run('stripe.listCharges', { limit: 150 })).toHaveLength(150);
  });
});

describe('stripe payment intents and checkout', () => {
  it('creates, reads and lists payment intents', async () => {
    const [pi] = await run('stripe.createPaymentIntent', {
      amount: 4200,
      currency: 'USD',
      customer: 'cus_demo1001',
      metadata: { order: 'A1' },
    });
    expect(pi).toMatchObject({
      object: 'payment_intent',
      amount: 4200,
      currency: 'usd',
      status: 'requires_payment_method',
      automatic_payment_methods: { enabled: 'true' },
    });
    expect((await run('stripe.getPaymentIntent', { paymentIntentId: pi!.id }))[0]).toMatchObject({
      id: pi!.id,
    });
    const list = await run('stripe.listPaymentIntents', { customer: 'cus_demo1001', returnAll: true });
    expect(list[0]!.id).toBe(pi!.id);
    await expect(run('stripe.createPaymentIntent', { amount: 10, currency: 'usd' })).rejects.toMatchObject({
      code: 'STRIPE_AMOUNT_TOO_SMALL',
      message: expect.stringContaining('(param: amount)'),
    });
  });

  it('creates a checkout session with nested line items and reads it back', async () => {
    const [session] = await run('stripe.createCheckoutSession', {
      successUrl: 'https://shop.example.test/thanks',
      customerEmail: 'ava@example.test',
      lineItems: [
        { price: 'price_demo001', quantity: 2 },
        { productName: 'Gift wrap', unitAmount: 300, currency: 'usd' },
      ],
    });
    const price = fake.state.prices[0]!.unit_amount as number;
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      amount_total: 2 * price + 300,
      customer_email: 'ava@example.test',
    });
    expect(String(session!.url)).toContain(String(session!.id));
    const sent = new URLSearchParams(posts('/v1/checkout/sessions').at(-1)!.rawBody.toString());
    expect(sent.get('line_items[1][price_data][product_data][name]')).toBe('Gift wrap');
    expect(sent.get('line_items[0][price]')).toBe('price_demo001');
    const [read] = await run('stripe.getCheckoutSession', { sessionId: session!.id, expandLineItems: true });
    expect((read!.line_items as { data: unknown[] }).data).toHaveLength(2);
    await expect(
      run('stripe.createCheckoutSession', {
        successUrl: 'https://x.test/ok',
        lineItems: [{ price: 'price_nope' }],
      }),
    ).rejects.toMatchObject({
      httpStatus: 404,
      message: expect.stringContaining('(param: line_items[0][price])'),
    });
  });
});

describe('stripe rate limiting', () => {
  it('slows down on 429 + Stripe-Should-Retry and still completes', async () => {
    fake.setRateLimit(4);
    try {
      const before = fake.received.length;
      const started = Date.now();
      const all = await run('stripe.findCustomers', { returnAll: true, pageSize: 20 });
      const elapsed = Date.now() - started;
      const pages = Math.ceil(all.length / 20);
      expect(all.length).toBeGreaterThanOrEqual(150);
      const sent = fake.received.slice(before).length;
      expect(sent).toBeGreaterThan(pages); // some were answered 429 and sent again
      expect(elapsed).toBeGreaterThanOrEqual(Math.floor((pages - 1) / 4) * 1000 - 100);
    } finally {
      fake.setRateLimit(false);
    }
  });
});
