import { defineNode, z } from '@shopwire/sdk';
import checkoutSession from '../fixtures/checkout-session.json' with { type: 'json' };
import { stripeId } from '../lib/params.js';
import { runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  sessionId: stripeId('cs', 'Session id'),
  expandLineItems: z.boolean().default(false).meta({ title: 'Include line items' }),
});

export const getCheckoutSession = defineNode({
  type: 'stripe.getCheckoutSession',
  version: 1,
  displayName: 'Stripe: Get Checkout Session',
  description: 'Reads one Checkout Session by id.',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: checkoutSession }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.request({
        method: 'GET',
        path: `/checkout/sessions/${encodeURIComponent(p.sessionId)}`,
        ...(p.expandLineItems ? { query: { 'expand[]': 'line_items' } } : {}),
      }),
    ),
});
