import { NodeError, defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/product.json' with { type: 'json' };
import { shopifyClient, shopifyCredentials } from '../lib/context.js';
import { GET_PRODUCT } from '../lib/documents.js';
import { flattenObject } from '../lib/flatten.js';
import { toGid } from '../lib/gid.js';
import { idParam } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const getProduct = defineNode({
  type: 'shopify.getProduct',
  version: 1,
  displayName: 'Shopify: Get Product',
  description: 'Fetches one product with all its variants (SKU, price, inventory item id).',
  kind: 'action',
  group: 'Retail',
  icon: 'shopify',
  params: z.object({ productId: idParam('Product id', 'gid://shopify/Product/1001 or 1001') }),
  credentials: shopifyCredentials,
  idempotent: true,
  sampleOutput: [{ json: sample }],
  run: async (ctx) => {
    const client = await shopifyClient(ctx);
    return perItem(ctx, async (p) => {
      const id = toGid('Product', p.productId, 'productId');
      const data = await client.query<{ product: unknown }>(GET_PRODUCT, { id }, { estimatedCost: 30 });
      if (!data.product)
        throw new NodeError(`Shopify product ${id} not found`, {
          code: 'SHOPIFY_NOT_FOUND',
          httpStatus: 404,
        });
      return [flattenObject(data.product)];
    });
  },
});
