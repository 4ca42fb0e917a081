import { defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/product.json' with { type: 'json' };
import { shopifyClient, shopifyCredentials } from '../lib/context.js';
import { LIST_PRODUCTS } from '../lib/documents.js';
import { flattenObject } from '../lib/flatten.js';
import { paginate } from '../lib/paginate.js';
import { listParams } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const listProducts = defineNode({
  type: 'shopify.listProducts',
  version: 1,
  displayName: 'Shopify: List Products',
  description: 'Lists products (with variants, SKUs and inventory item ids), one item per product.',
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
        document: LIST_PRODUCTS,
        variables: { query: p.query ?? null },
        select: (data) => data.products as never,
        ...(p.returnAll ? {} : { limit: p.limit }),
        pageSize: p.pageSize,
        maxPages: p.maxPages,
      });
      if (result.truncated)
        ctx.logger.warn(`shopify.listProducts stopped after ${result.pages} pages (maxPages)`);
      return result.nodes.map(flattenObject);
    });
  },
});
