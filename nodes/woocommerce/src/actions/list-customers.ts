import { defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/customer.json' with { type: 'json' };
import { wooClient, wooCredentials } from '../client.js';
import { listParams } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const listCustomers = defineNode({
  type: 'woocommerce.listCustomers',
  version: 1,
  displayName: 'WooCommerce: List Customers',
  description: 'Lists customers (filter by email or search text), one item per customer.',
  kind: 'action',
  group: 'Retail',
  icon: 'woocommerce',
  params: z.object({
    email: z.string().trim().email().optional().meta({ title: 'Email' }),
    search: z.string().max(200).optional().meta({ title: 'Search' }),
    ...listParams,
  }),
  credentials: wooCredentials,
  idempotent: true,
  sampleOutput: [{ json: sample }],
  run: async (ctx) => {
    const client = await wooClient(ctx);
    return perItem(ctx, async (p) => {
      const result = await client.list('/customers', {
        query: { email: p.email, search: p.search || undefined, role: 'all' },
        ...(p.returnAll ? {} : { limit: p.limit }),
        perPage: p.perPage,
        maxPages: p.maxPages,
      });
      return result.records;
    });
  },
});
