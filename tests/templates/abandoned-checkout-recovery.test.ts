import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, startHarness, type Harness } from './harness.js';

/** checkouts/create → wait → order? → reminder → wait → order? → last reminder (waits shortened). */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const checkout = (id: number, email: string) => ({
  id,
  token: `tok${id}`,
  email,
  created_at: new Date(Date.now() - 1000).toISOString(),
  abandoned_checkout_url: `https://boutique.myshopify.com/checkouts/tok${id}/recover`,
  total_price: '48.00',
  customer: { id: 77, first_name: 'Nora', email },
  line_items: [{ sku: 'SW-CAN-001', title: 'Amber Candle 1', quantity: 2, price: '24.00' }],
});

describe('template abandoned-checkout-recovery', () => {
  it('reminds twice when nobody buys, and not at all once the shopper orders', async () => {
    const { shopify, smtp } = h.fakes;
    const workflowId = await h.use('abandoned-checkout-recovery', {
      activate: true,
      patch: (wf) => {
        for (const id of ['wait1', 'wait2']) {
          const node = wf.nodes.find((n: { id: string }) => n.id === id);
          node.params = { mode: 'duration', amount: 1, unit: 'seconds' };
        }
      },
    });
    const ghost = checkout(801, 'ghost.shopper@example.test');
    const buyer = checkout(802, 'happy.buyer@example.test');
    await shopify.deliverToSubscribers('CHECKOUTS_CREATE', ghost, { webhookId: 'wh-c801' });
    await shopify.deliverToSubscribers('CHECKOUTS_CREATE', buyer, { webhookId: 'wh-c802' });
    // the buyer completes the purchase during the first wait
    const now = new Date().toISOString();
    shopify.state.orders.push({
      id: 'gid://shopify/Order/990802',
      name: '#9802',
      email: buyer.email,
      customerId: null,
      createdAt: now,
      updatedAt: now,
      financialStatus: 'PAID',
      lines: [
        {
          id: 'gid://shopify/LineItem/990802',
          sku: 'SW-CAN-001',
          title: 'Amber Candle 1',
          quantity: 2,
          variantId: null,
          price: '24.00',
        },
      ],
      total: '48.00',
    });

    const executions = await h.settled(workflowId, 2, 30_000);
    for (const e of executions) expect(e.status, await explain(h, e)).toBe('success');
    const toGhost = smtp.messages.filter((m) => m.envelope.to[0] === ghost.email);
    expect(toGhost.map((m) => m.subject)).toEqual([
      'You left something in your basket',
      'Your basket is still waiting',
    ]);
    expect(toGhost[0]!.html).toContain(ghost.abandoned_checkout_url);
    expect(toGhost[0]!.html).toContain('Hi Nora');
    expect(smtp.messages.filter((m) => m.envelope.to[0] === buyer.email)).toEqual([]);
  });
});
