import { ValidationError, defineNode, z } from '@shopwire/sdk';
import sample from '../fixtures/product.json' with { type: 'json' };
import { wooClient, wooCredentials } from '../client.js';
import { wooId } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const updateStock = defineNode({
  type: 'woocommerce.updateStock',
  version: 1,
  displayName: 'WooCommerce: Update Stock',
  description: 'Sets a product’s stock: managed quantity and/or stock status.',
  kind: 'action',
  group: 'Retail',
  icon: 'woocommerce',
  params: z.object({
    productId: wooId('Product id'),
    manageStock: z.boolean().default(true).meta({ title: 'Manage stock' }),
    stockQuantity: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000_000)
      .optional()
      .meta({ title: 'Stock quantity' }),
    stockStatus: z.enum(['instock', 'outofstock', 'onbackorder']).optional().meta({
      title: 'Stock status',
      description: 'Only used when stock is not managed (WooCommerce derives it from the quantity otherwise)',
    }),
  }),
  credentials: wooCredentials,
  // absolute values: sending twice gives the same result
  idempotent: true,
  sampleOutput: [{ json: sample }],
  run: async (ctx) => {
    const client = await wooClient(ctx);
    return perItem(ctx, async (p, i) => {
      if (p.manageStock && p.stockQuantity === undefined)
        throw new ValidationError('stockQuantity', 'give a stock quantity when stock is managed');
      if (!p.manageStock && p.stockStatus === undefined)
        throw new ValidationError('stockStatus', 'give a stock status when stock is not managed');
      const body: Record<string, unknown> = { manage_stock: p.manageStock };
      if (p.manageStock) body.stock_quantity = p.stockQuantity;
      else body.stock_status = p.stockStatus;
      return [(await client.request('PUT', `/products/${p.productId}`, { json: body, itemIndex: i })).body];
    });
  },
});
