import { defineNode, z } from '@shopwire/sdk';
import customer from '../fixtures/customer.json' with { type: 'json' };
import { customerFields, customerForm } from '../lib/customer-fields.js';
import { runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({ ...customerFields, email: z.email().meta({ title: 'Email' }) });

export const createCustomer = defineNode({
  type: 'stripe.createCustomer',
  version: 1,
  displayName: 'Stripe: Create Customer',
  description: 'Creates a customer. Safe to retry: sent with an idempotency key.',
  kind: 'action',
  group: 'Retail',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: customer }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, index, client }) =>
      client.request({
        method: 'POST',
        path: '/customers',
        idempotencyKey: ctx.idempotencyKey(index),
        form: customerForm(p),
      }),
    ),
});
