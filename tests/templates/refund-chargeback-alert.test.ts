import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_SECRETS } from '../fakes/all-fakes.js';
import { explain, startHarness, type Harness } from './harness.js';

/** Stripe charge.refunded / charge.dispute.created → Slack alert with amount and customer. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('template refund-chargeback-alert', () => {
  it('alerts once per event with the amount and who the customer is; forged events are refused', async () => {
    const { stripe, slack } = h.fakes;
    const workflowId = await h.use('refund-chargeback-alert', { activate: true });
    const url = `${h.url}/webhook/stripe/refunds`;
    const charge = stripe.state.charges.find((c) => c.id === 'ch_demo5010')!;
    const customer = stripe.state.customers.find((c) => c.id === charge.customer)!;
    const refunded = { ...charge, amount_refunded: 1250, refunded: false };
    const secret = { secret: FAKE_SECRETS.stripeWebhookSecret };
    const r1 = await stripe.deliverWebhook(
      url,
      { id: 'evt_refund_1', type: 'charge.refunded', data: { object: refunded } },
      secret,
    );
    const r2 = await stripe.deliverWebhook(
      url,
      { id: 'evt_refund_1', type: 'charge.refunded', data: { object: refunded } },
      secret,
    );
    const dispute = {
      id: 'dp_1',
      object: 'dispute',
      amount: 4200,
      currency: 'usd',
      charge: 'ch_demo5011',
      reason: 'fraudulent',
      evidence_details: { due_by: Math.floor(Date.parse('2026-12-10T00:00:00Z') / 1000) },
    };
    const r3 = await stripe.deliverWebhook(
      url,
      { id: 'evt_dispute_1', type: 'charge.dispute.created', data: { object: dispute } },
      secret,
    );
    const forged = await stripe.deliverWebhook(
      url,
      { id: 'evt_forged', type: 'charge.refunded', data: { object: refunded } },
      { secret: 'whsec_wrong' },
    );
    expect([r1.status, r3.status]).toEqual([202, 202]);
    expect(r2.status).toBe(200);
    expect(forged.status).toBe(401);

    const executions = await h.settled(workflowId, 2);
    for (const e of executions) expect(e.status, await explain(h, e)).toBe('success');
    expect(executions).toHaveLength(2);
    const texts = slack.state.messages.map((m) => m.text ?? '');
    expect(texts).toHaveLength(2);
    const refundText = texts.find((t) => t.includes('Refund issued'))!;
    expect(refundText).toContain('12.50 USD on charge ch_demo5010');
    expect(refundText).toContain(String(customer.email));
    const disputeCharge = stripe.state.charges.find((c) => c.id === 'ch_demo5011')!;
    const disputeCustomer = stripe.state.customers.find((c) => c.id === disputeCharge.customer)!;
    const disputeText = texts.find((t) => t.includes('Chargeback opened'))!;
    expect(disputeText).toContain('42.00 USD on charge ch_demo5011');
    expect(disputeText).toContain(String(disputeCustomer.email));
    expect(disputeText).toContain('Reason: fraudulent');
    expect(disputeText).toContain('Respond before: 2026-12-10');
  });
});
