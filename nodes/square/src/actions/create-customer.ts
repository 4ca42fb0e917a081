import { defineNode, z } from '@shopwire/sdk';
import customer from '../fixtures/customer.json' with { type: 'json' };
import { customerBody, customerFields } from '../lib/customer-fields.js';
import { squareIdempotencyKey } from '../lib/params.js';
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const params = z
  .object(customerFields)
  .refine((p) => p.givenName || p.familyName || p.emailAddress || p.phoneNumber, {
    message: 'give at least a name, an email or a phone number',
    path: ['emailAddress'],
  });

export const createCustomer = defineNode({
  type: 'square.createCustomer',
  version: 1,
  displayName: 'Square: Create Customer',
  description: 'Adds a customer to the directory. Safe to retry: sent with an idempotency key.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: customer }],
  run: (ctx) =>
    runPerItem(ctx, async ({ params: p, index, client }) => {
      const res = await client.request<{ customer: unknown }>({
        method: 'POST',
        path: '/customers',
        json: { idempotency_key: squareIdempotencyKey(ctx.idempotencyKey(index), 45), ...customerBody(p) },
      });
      return res.customer;
    }),
});
