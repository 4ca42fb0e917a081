import { defineNode, z } from '@shopwire/sdk';
import customer from '../fixtures/customer.json' with { type: 'json' };
import { listParams } from '../lib/params.js';
import { runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  email: z.string().trim().max(512).optional().meta({
    title: 'Email',
    description: 'Exact, case-sensitive match (Stripe list filter); empty lists all',
  }),
  ...listParams,
});

export const findCustomers = defineNode({
  type: 'stripe.findCustomers',
  version: 1,
  displayName: 'Stripe: Find Customers',
  description: 'Lists customers, optionally those with an email; one item each, newest first.',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: customer }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) => client.list('/customers', { email: p.email || undefined }, p)),
});
