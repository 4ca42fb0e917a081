import { NodeError, defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/customer.json' with { type: 'json' };
import { shopifyClient, shopifyCredentials } from '../lib/context.js';
import { GET_CUSTOMER } from '../lib/documents.js';
import { flattenObject } from '../lib/flatten.js';
import { toGid } from '../lib/gid.js';
import { idParam } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const getCustomer = defineNode({
  type: 'shopify.getCustomer',
  version: 1,
  displayName: 'Shopify: Get Customer',
  description: 'Fetches one customer by id.',
  kind: 'action',
  group: 'Retail',
  icon: 'shopify',
  params: z.object({ customerId: idParam('Customer id', 'gid://shopify/Customer/1000 or 1000') }),
  credentials: shopifyCredentials,
  idempotent: true,
  sampleOutput: [{ json: sample }],
  run: async (ctx) => {
    const client = await shopifyClient(ctx);
    return perItem(ctx, async (p) => {
      const id = toGid('Customer', p.customerId, 'customerId');
      const data = await client.query<{ customer: unknown }>(GET_CUSTOMER, { id }, { estimatedCost: 1 });
      if (!data.customer)
        throw new NodeError(`Shopify customer ${id} not found`, {
          code: 'SHOPIFY_NOT_FOUND',
          httpStatus: 404,
        });
      return [flattenObject(data.customer)];
    });
  },
});
