import { defineNode, z } from '@shopwire/sdk';
import customer from '../fixtures/customer.json' with { type: 'json' };
import { customerBody, customerFields } from '../lib/customer-fields.js';
import { squareId } from '../lib/params.js';
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  customerId: squareId('Customer id'),
  ...customerFields,
  version: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ title: 'Version', description: 'Set to fail if the customer changed since' }),
});

export const updateCustomer = defineNode({
  type: 'square.updateCustomer',
  version: 1,
  displayName: 'Square: Update Customer',
  description: 'Updates the given fields of a customer (fields left empty are not changed).',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: customer }],
  run: (ctx) =>
    runPerItem(ctx, async ({ params: p, client }) => {
      const res = await client.request<{ customer: unknown }>({
        method: 'PUT',
        path: `/customers/${encodeURIComponent(p.customerId)}`,
        json: { ...customerBody(p), ...(p.version !== undefined ? { version: p.version } : {}) },
      });
      return res.customer;
    }),
});
