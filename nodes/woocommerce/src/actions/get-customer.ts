import { defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/customer.json' with { type: 'json' };
import { wooClient, wooCredentials } from '../client.js';
import { wooId } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const getCustomer = defineNode({
  type: 'woocommerce.getCustomer',
  version: 1,
  displayName: 'WooCommerce: Get Customer',
  description: 'Fetches one customer by id.',
  kind: 'action',
  group: 'Retail',
  icon: 'woocommerce',
  params: z.object({ customerId: wooId('Customer id') }),
  credentials: wooCredentials,
  idempotent: true,
  sampleOutput: [{ json: sample }],
  run: async (ctx) => {
    const client = await wooClient(ctx);
    return perItem(ctx, async (p, i) => [
      (await client.request('GET', `/customers/${p.customerId}`, { itemIndex: i })).body,
    ]);
  },
});
