import { defineNode, z } from '@shopwire/sdk';
import paymentIntent from '../fixtures/payment-intent.json' with { type: 'json' };
import { listParams, unixTime } from '../lib/params.js';
import { runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  customer: z.string().trim().optional().meta({ title: 'Customer id' }),
  createdAfter: unixTime.optional().meta({ title: 'Created at or after (ISO date or unix seconds)' }),
  ...listParams,
});

export const listPaymentIntents = defineNode({
  type: 'stripe.listPaymentIntents',
  version: 1,
  displayName: 'Stripe: List Payment Intents',
  description: 'Lists PaymentIntents, newest first, one item each; follows pages when "Return all" is on.',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: paymentIntent }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.list(
        '/payment_intents',
        { customer: p.customer || undefined, 'created[gte]': p.createdAfter },
        p,
      ),
    ),
});
