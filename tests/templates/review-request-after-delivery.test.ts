import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, startHarness, type Harness } from './harness.js';

/** WooCommerce order completed → wait (shortened) → still completed → review request email. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('template review-request-after-delivery', () => {
  it('asks for a review after delivery, but not for refunded or unfinished orders', async () => {
    const { woocommerce: woo, smtp } = h.fakes;
    const workflowId = await h.use('review-request-after-delivery', {
      activate: true,
      patch: (wf) => {
        wf.nodes.find((n: { id: string }) => n.id === 'wait').params = {
          mode: 'duration',
          amount: 1,
          unit: 'seconds',
        };
      },
    });
    expect([...woo.state.webhooks.values()].map((w) => w.topic)).toEqual(['order.updated']);
    const processing = woo.state.orders.filter((o) => o.status === 'processing');
    expect(processing.length).toBeGreaterThanOrEqual(3);
    const [delivered, refundedLater, stillProcessing] = processing as [
      (typeof processing)[0],
      (typeof processing)[0],
      (typeof processing)[0],
    ];
    delivered.status = 'completed';
    refundedLater.status = 'completed';
    for (const o of [delivered, refundedLater, stillProcessing]) {
      const [delivery] = await woo.deliverToWebhooks('order.updated', o);
      expect(delivery!.status).toBe(202);
    }
    refundedLater.status = 'refunded'; // refunded during the wait

    const executions = await h.settled(workflowId, 3, 30_000);
    for (const e of executions) expect(e.status, await explain(h, e)).toBe('success');
    const billing = delivered.billing as { email: string; first_name: string };
    expect(smtp.messages.map((m) => m.envelope.to[0])).toEqual([billing.email]);
    const message = smtp.messages[0]!;
    expect(message.html).toContain(`Hi ${billing.first_name}`);
    expect(message.html).toContain(`order #${delivered.number}`);
    const firstItem = (delivered.line_items as { name: string }[])[0]!.name;
    expect(message.subject).toBe(`How do you like your ${firstItem}?`);
  });
});
