import { defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/customer.json' with { type: 'json' };
import { shopifyClient, shopifyCredentials } from '../lib/context.js';
import { SEARCH_CUSTOMERS } from '../lib/documents.js';
import { flattenObject } from '../lib/flatten.js';
import { paginate } from '../lib/paginate.js';
import { listParams } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const searchCustomers = defineNode({
  type: 'shopify.searchCustomers',
  version: 1,
  displayName: 'Shopify: Search Customers',
  description:
    'Finds customers with a Shopify search query (e.g. email:ava@example.com), one item per customer.',
  kind: 'action',
  group: 'Retail',
  icon: 'shopify',
  params: z.object(listParams),
  credentials: shopifyCredentials,
  idempotent: true,
  sampleOutput: [{ json: sample }],
  run: async (ctx) => {
    const client = await shopifyClient(ctx);
    return perItem(ctx, async (p) => {
      const result = await paginate(client, {
        document: SEARCH_CUSTOMERS,
        variables: { query: p.query ?? null },
        select: (data) => data.customers as never,
        ...(p.returnAll ? {} : { limit: p.limit }),
        pageSize: p.pageSize,
        maxPages: p.maxPages,
      });
      return result.nodes.map(flattenObject);
    });
  },
});
