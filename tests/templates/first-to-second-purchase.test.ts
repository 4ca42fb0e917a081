import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOrder } from '../fakes/shopify/index.js';
import { explain, startHarness, type Harness } from './harness.js';

/** First order → wait (shortened) → no second order → Klaviyo nudge event with a code. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

function newOrder(n: number, email: string, customerId: string | null): FakeOrder {
  const now = new Date(Date.now() - 500).toISOString();
  return {
    id: `gid://shopify/Order/${990000 + n}`,
    name: `#${9000 + n}`,
    email,
    customerId,
    createdAt: now,
    updatedAt: now,
    financialStatus: 'PAID',
    lines: [
      {
        id: `gid://shopify/LineItem/${990000 + n}`,
        sku: 'SW-LIN-003',
        title: 'Linen 3',
        quantity: 1,
        variantId: null,
        price: '30.00',
      },
    ],
    total: '30.00',
  };
}

describe('template first-to-second-purchase', () => {
  it('nudges first-time buyers who did not come back, and nobody else', async () => {
    const { shopify, klaviyo } = h.fakes;
    const workflowId = await h.use('first-to-second-purchase', {
      activate: true,
      patch: (wf) => {
        wf.nodes.find((n: { id: string }) => n.id === 'wait').params = {
          mode: 'duration',
          amount: 2,
          unit: 'seconds',
        };
      },
    });
    // 1. a brand-new customer who does not order again
    const once = newOrder(1, 'first.timer@example.test', null);
    // 2. a brand-new customer who orders again during the wait
    const back = newOrder(2, 'came.back@example.test', null);
    // 3. a returning demo customer (has earlier orders)
    const regular = shopify.state.orders[0]!;
    const regularOrder = newOrder(3, regular.email!, regular.customerId);
    shopify.state.orders.push(once, back, regularOrder);
    for (const [i, order] of [once, back, regularOrder].entries()) {
      const res = await shopify.deliverToSubscribers('ORDERS_CREATE', shopify.orderPayload(order.id), {
        webhookId: `wh-f2s-${i}`,
      });
      expect(res[0]!.status).toBe(202);
    }
    await new Promise((r) => setTimeout(r, 500));
    shopify.state.orders.push({ ...newOrder(4, back.email!, null), createdAt: new Date().toISOString() });

    const executions = await h.settled(workflowId, 3, 30_000);
    for (const e of executions) expect(e.status, await explain(h, e)).toBe('success');
    const nudges = klaviyo.state.events.filter((e) => e.metric === 'Second Purchase Nudge');
    expect(nudges.map((e) => e.email)).toEqual([once.email]);
    expect(nudges[0]).toMatchObject({ uniqueId: 'second-purchase-nudge-990001' });
    expect(nudges[0]!.properties).toMatchObject({
      firstOrder: '#9001',
      discountCode: 'COMEBACK-990001',
      discountPercent: 10,
    });
  });
});
