import { NodeError, defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/order.json' with { type: 'json' };
import { shopifyClient, shopifyCredentials } from '../lib/context.js';
import { GET_ORDER } from '../lib/documents.js';
import { flattenObject } from '../lib/flatten.js';
import { toGid } from '../lib/gid.js';
import { idParam } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const getOrder = defineNode({
  type: 'shopify.getOrder',
  version: 1,
  displayName: 'Shopify: Get Order',
  description: 'Fetches one order (line items, totals, customer) by id.',
  kind: 'action',
  group: 'Retail',
  icon: 'shopify',
  params: z.object({ orderId: idParam('Order id', 'gid://shopify/Order/5000 or 5000') }),
  credentials: shopifyCredentials,
  idempotent: true,
  sampleOutput: [{ json: sample }],
  run: async (ctx) => {
    const client = await shopifyClient(ctx);
    return perItem(ctx, async (p) => {
      const id = toGid('Order', p.orderId, 'orderId');
      const data = await client.query<{ order: unknown }>(GET_ORDER, { id }, { estimatedCost: 12 });
      if (!data.order)
        throw new NodeError(`Shopify order ${id} not found`, { code: 'SHOPIFY_NOT_FOUND', httpStatus: 404 });
      return [flattenObject(data.order)];
    });
  },
});
