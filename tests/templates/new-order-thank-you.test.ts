import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, startHarness, type Harness } from './harness.js';

/** orders/create → Klaviyo profile + Placed Order event → thank-you email; a replayed delivery runs once. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('template new-order-thank-you', () => {
  it('records the order in Klaviyo once and sends one thank-you, even when Shopify delivers twice', async () => {
    const { shopify, klaviyo, smtp } = h.fakes;
    const workflowId = await h.use('new-order-thank-you', { activate: true });
    expect([...shopify.state.subscriptions.values()].map((s) => s.topic)).toEqual(['ORDERS_CREATE']);

    const payload = shopify.orderPayload('5010');
    const first = await shopify.deliverToSubscribers('ORDERS_CREATE', payload, {
      webhookId: 'wh-order-5010',
    });
    const replay = await shopify.deliverToSubscribers('ORDERS_CREATE', payload, {
      webhookId: 'wh-order-5010',
    });
    expect(first[0]!.status).toBe(202);
    expect(replay[0]!.status).toBe(200);
    const forged = await shopify.deliverWebhook(
      `${h.url}/webhook/shopify/orders-create`,
      'orders/create',
      payload,
      {
        secret: 'not-the-secret',
        webhookId: 'wh-forged',
      },
    );
    expect(forged.status).toBe(401);

    const [execution] = await h.settled(workflowId, 1);
    expect(execution!.status, await explain(h, execution!)).toBe('success');
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.executions(workflowId)).toHaveLength(1);

    const email = payload.email!;
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.envelope.to).toEqual([email]);
    expect(smtp.messages[0]!.subject).toBe(`Thank you for your order ${payload.name}!`);
    expect(smtp.messages[0]!.html).toContain(`Hi ${payload.customer!.first_name}`);

    const events = klaviyo.state.events.filter((e) => e.metric === 'Placed Order');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      email,
      uniqueId: 'shopify-order-5010',
      value: Number(payload.total_price),
    });
    expect(klaviyo.profileByEmail(email)).toBeDefined();
  });
});
