import { defineNode, z } from '@shopwire/sdk';
import charge from '../fixtures/charge.json' with { type: 'json' };
import { listParams, unixTime } from '../lib/params.js';
import { runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  customer: z.string().trim().optional().meta({ title: 'Customer id' }),
  paymentIntent: z.string().trim().optional().meta({ title: 'Payment intent id' }),
  createdAfter: unixTime.optional().meta({ title: 'Created at or after (ISO date or unix seconds)' }),
  ...listParams,
});

export const listCharges = defineNode({
  type: 'stripe.listCharges',
  version: 1,
  displayName: 'Stripe: List Charges',
  description: 'Lists charges, newest first, one item each; follows pages when "Return all" is on.',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: charge }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.list(
        '/charges',
        {
          customer: p.customer || undefined,
          payment_intent: p.paymentIntent || undefined,
          'created[gte]': p.createdAfter,
        },
        p,
      ),
    ),
});
