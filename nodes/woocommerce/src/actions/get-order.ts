import { defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/order.json' with { type: 'json' };
import { wooClient, wooCredentials } from '../client.js';
import { wooId } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const getOrder = defineNode({
  type: 'woocommerce.getOrder',
  version: 1,
  displayName: 'WooCommerce: Get Order',
  description: 'Fetches one order by id.',
  kind: 'action',
  group: 'Retail',
  icon: 'woocommerce',
  params: z.object({ orderId: wooId('Order id') }),
  credentials: wooCredentials,
  idempotent: true,
  sampleOutput: [{ json: sample }],
  run: async (ctx) => {
    const client = await wooClient(ctx);
    return perItem(ctx, async (p, i) => [
      (await client.request('GET', `/orders/${p.orderId}`, { itemIndex: i })).body,
    ]);
  },
});
