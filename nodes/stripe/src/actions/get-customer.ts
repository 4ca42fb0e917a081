import { defineNode, z } from '@shopwire/sdk';
import customer from '../fixtures/customer.json' with { type: 'json' };
import { stripeId } from '../lib/params.js';
import { runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({ customerId: stripeId('cus', 'Customer id') });

export const getCustomer = defineNode({
  type: 'stripe.getCustomer',
  version: 1,
  displayName: 'Stripe: Get Customer',
  description: 'Reads one customer by id.',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: customer }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.request({ method: 'GET', path: `/customers/${encodeURIComponent(p.customerId)}` }),
    ),
});
