import { defineNode, z } from '@shopwire/sdk';
import refund from '../fixtures/refund.json' with { type: 'json' };
import { listParams } from '../lib/params.js';
import { runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  charge: z.string().trim().optional().meta({ title: 'Charge id' }),
  paymentIntent: z.string().trim().optional().meta({ title: 'Payment intent id' }),
  ...listParams,
});

export const listRefunds = defineNode({
  type: 'stripe.listRefunds',
  version: 1,
  displayName: 'Stripe: List Refunds',
  description: 'Lists refunds, newest first, optionally of one charge or payment intent.',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: refund }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.list(
        '/refunds',
        { charge: p.charge || undefined, payment_intent: p.paymentIntent || undefined },
        p,
      ),
    ),
});
