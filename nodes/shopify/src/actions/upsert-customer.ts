import { defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/customer.json' with { type: 'json' };
import { shopifyClient, shopifyCredentials } from '../lib/context.js';
import { CUSTOMER_CREATE, CUSTOMER_UPDATE, SEARCH_CUSTOMERS } from '../lib/documents.js';
import { flattenObject } from '../lib/flatten.js';
import { perItem } from '../lib/per-item.js';

const optionalText = (title: string) => z.string().trim().max(255).optional().meta({ title });

export const upsertCustomer = defineNode({
  type: 'shopify.upsertCustomer',
  version: 1,
  displayName: 'Shopify: Create or Update Customer',
  description:
    'Finds a customer by email and updates it, or creates it when there is none. Outputs the customer and `created`.',
  kind: 'action',
  group: 'Retail',
  icon: 'shopify',
  params: z.object({
    email: z.string().trim().email().max(255).meta({ title: 'Email' }),
    firstName: optionalText('First name'),
    lastName: optionalText('Last name'),
    phone: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{6,14}$/, 'E.164 format, e.g. +15551234567')
      .optional()
      .meta({ title: 'Phone' }),
    tags: z.array(z.string().max(255)).max(250).optional().meta({ title: 'Tags' }),
  }),
  credentials: shopifyCredentials,
  // matching on email makes a repeat converge on the same customer
  idempotent: true,
  sampleOutput: [{ json: { ...sample, created: false } }],
  run: async (ctx) => {
    const client = await shopifyClient(ctx);
    return perItem(ctx, async (p, i) => {
      const found = await client.query<{ customers: { nodes: { id: string }[] } }>(
        SEARCH_CUSTOMERS,
        { first: 1, after: null, query: `email:${JSON.stringify(p.email)}` },
        { estimatedCost: 3 },
      );
      const existing = found.customers.nodes[0];
      const input: Record<string, unknown> = { email: p.email };
      if (p.firstName !== undefined) input.firstName = p.firstName;
      if (p.lastName !== undefined) input.lastName = p.lastName;
      if (p.phone !== undefined) input.phone = p.phone;
      if (p.tags !== undefined) input.tags = p.tags;
      if (existing) {
        const payload = await client.mutate<{ customer: unknown }>(
          CUSTOMER_UPDATE,
          { input: { ...input, id: existing.id } },
          'customerUpdate',
          i,
        );
        return [{ ...flattenObject(payload.customer), created: false }];
      }
      const payload = await client.mutate<{ customer: unknown }>(
        CUSTOMER_CREATE,
        { input },
        'customerCreate',
        i,
      );
      return [{ ...flattenObject(payload.customer), created: true }];
    });
  },
});
