import { defineNode, z } from '@shopwire/sdk';
import paymentIntent from '../fixtures/payment-intent.json' with { type: 'json' };
import { stripeId } from '../lib/params.js';
import { runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({ paymentIntentId: stripeId('pi', 'Payment intent id') });

export const getPaymentIntent = defineNode({
  type: 'stripe.getPaymentIntent',
  version: 1,
  displayName: 'Stripe: Get Payment Intent',
  description: 'Reads one PaymentIntent by id.',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: paymentIntent }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.request({ method: 'GET', path: `/payment_intents/${encodeURIComponent(p.paymentIntentId)}` }),
    ),
});
