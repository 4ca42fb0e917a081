import { defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/order.json' with { type: 'json' };
import { wooClient, wooCredentials } from '../client.js';
import { ORDER_STATUSES, wooId } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const updateOrderStatus = defineNode({
  type: 'woocommerce.updateOrderStatus',
  version: 1,
  displayName: 'WooCommerce: Update Order Status',
  description: 'Sets an order’s status (e.g. completed), optionally adding a customer note.',
  kind: 'action',
  group: 'Retail',
  icon: 'woocommerce',
  params: z.object({
    orderId: wooId('Order id'),
    status: z.enum(ORDER_STATUSES).meta({ title: 'New status' }),
  }),
  credentials: wooCredentials,
  // setting an absolute status is naturally idempotent
  idempotent: true,
  sampleOutput: [{ json: { ...sample, status: 'completed' } }],
  run: async (ctx) => {
    const client = await wooClient(ctx);
    return perItem(ctx, async (p, i) => [
      (await client.request('PUT', `/orders/${p.orderId}`, { json: { status: p.status }, itemIndex: i }))
        .body,
    ]);
  },
});
