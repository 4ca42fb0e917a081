import { defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/order.json' with { type: 'json' };
import { wooClient, wooCredentials } from '../client.js';
import { ORDER_STATUSES, isoDate, listParams, toWooGmt } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const listOrders = defineNode({
  type: 'woocommerce.listOrders',
  version: 1,
  displayName: 'WooCommerce: List Orders',
  description: 'Lists orders (filter by status, created after, modified after), one item per order.',
  kind: 'action',
  group: 'Retail',
  icon: 'woocommerce',
  params: z.object({
    status: z.array(z.enum(ORDER_STATUSES)).optional().meta({ title: 'Status' }),
    after: isoDate('Created after'),
    modifiedAfter: isoDate('Modified after'),
    customerId: z.number().int().positive().optional().meta({ title: 'Customer id' }),
    ...listParams,
  }),
  credentials: wooCredentials,
  idempotent: true,
  sampleOutput: [{ json: sample }],
  run: async (ctx) => {
    const client = await wooClient(ctx);
    return perItem(ctx, async (p) => {
      const result = await client.list('/orders', {
        query: {
          status: p.status?.length ? p.status.join(',') : undefined,
          after: p.after ? toWooGmt(p.after) : undefined,
          modified_after: p.modifiedAfter ? toWooGmt(p.modifiedAfter) : undefined,
          dates_are_gmt: p.after || p.modifiedAfter ? true : undefined,
          customer: p.customerId,
        },
        ...(p.returnAll ? {} : { limit: p.limit }),
        perPage: p.perPage,
        maxPages: p.maxPages,
      });
      if (result.truncated)
        ctx.logger.warn(`woocommerce.listOrders stopped after ${result.pages} pages (maxPages)`);
      return result.records;
    });
  },
});
