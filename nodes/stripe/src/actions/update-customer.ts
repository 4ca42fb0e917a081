import { defineNode, z } from '@shopwire/sdk';
import customer from '../fixtures/customer.json' with { type: 'json' };
import { customerFields, customerForm } from '../lib/customer-fields.js';
import { stripeId } from '../lib/params.js';
import { runPerItem, stripeCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  customerId: stripeId('cus', 'Customer id'),
  ...customerFields,
  email: z.email().optional().meta({ title: 'Email' }),
});

export const updateCustomer = defineNode({
  type: 'stripe.updateCustomer',
  version: 1,
  displayName: 'Stripe: Update Customer',
  description:
    'Updates the given fields of a customer; metadata keys are merged (empty value removes a key).',
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
        path: `/customers/${encodeURIComponent(p.customerId)}`,
        idempotencyKey: ctx.idempotencyKey(index),
        form: customerForm(p),
      }),
    ),
});
