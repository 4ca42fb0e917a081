import { defineNode, z } from '@shopwire/sdk';
import charge from '../fixtures/charge.json' with { type: 'json' };
import { stripeId } from '../lib/params.js';
import { runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({ chargeId: stripeId('(?:ch|py)', 'Charge id') });

export const getCharge = defineNode({
  type: 'stripe.getCharge',
  version: 1,
  displayName: 'Stripe: Get Charge',
  description: 'Reads one charge by id.',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: charge }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.request({ method: 'GET', path: `/charges/${encodeURIComponent(p.chargeId)}` }),
    ),
});
