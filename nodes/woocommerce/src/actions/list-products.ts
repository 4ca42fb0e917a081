import { defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/product.json' with { type: 'json' };
import { wooClient, wooCredentials } from '../client.js';
import { isoDate, listParams, toWooGmt } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const listProducts = defineNode({
  type: 'woocommerce.listProducts',
  version: 1,
  displayName: 'WooCommerce: List Products',
  description:
    'Lists products (filter by search text, SKU, stock status, modified after), one item per product.',
  kind: 'action',
  group: 'Retail',
  icon: 'woocommerce',
  params: z.object({
    search: z.string().max(200).optional().meta({ title: 'Search' }),
    sku: z.string().max(200).optional().meta({ title: 'SKU', description: 'Comma-separated for several' }),
    stockStatus: z.enum(['instock', 'outofstock', 'onbackorder']).optional().meta({ title: 'Stock status' }),
    modifiedAfter: isoDate('Modified after'),
    ...listParams,
  }),
  credentials: wooCredentials,
  idempotent: true,
  sampleOutput: [{ json: sample }],
  run: async (ctx) => {
    const client = await wooClient(ctx);
    return perItem(ctx, async (p) => {
      const result = await client.list('/products', {
        query: {
          search: p.search || undefined,
          sku: p.sku || undefined,
          stock_status: p.stockStatus,
          modified_after: p.modifiedAfter ? toWooGmt(p.modifiedAfter) : undefined,
          dates_are_gmt: p.modifiedAfter ? true : undefined,
        },
        ...(p.returnAll ? {} : { limit: p.limit }),
        perPage: p.perPage,
        maxPages: p.maxPages,
      });
      return result.records;
    });
  },
});
