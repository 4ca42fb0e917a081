import { defineNode, z } from '@shopwire/sdk';
import { shopifyClient, shopifyCredentials } from '../lib/context.js';
import { setInventory as setDocument } from '../lib/documents.js';
import { flattenObject } from '../lib/flatten.js';
import { toGid } from '../lib/gid.js';
import { idParam, inventoryReason } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const setInventory = defineNode({
  type: 'shopify.setInventory',
  version: 1,
  displayName: 'Shopify: Set Inventory',
  description:
    'Sets the available quantity of an inventory item at a location to an absolute value (inventorySetQuantities), optionally only if it still equals an expected value.',
  kind: 'action',
  group: 'Retail',
  icon: 'shopify',
  params: z.object({
    inventoryItemId: idParam('Inventory item id', 'gid://shopify/InventoryItem/3001 or 3001'),
    locationId: idParam('Location id', 'gid://shopify/Location/1 or 1'),
    quantity: z.number().int().min(0).max(1_000_000_000).meta({ title: 'Quantity' }),
    expectedQuantity: z.number().int().optional().meta({
      title: 'Only if current quantity is',
      description: 'Compare-and-set: Shopify refuses the change when the stored quantity differs',
    }),
    reason: inventoryReason,
  }),
  credentials: shopifyCredentials,
  idempotent: true,
  sampleOutput: [
    {
      json: {
        reason: 'correction',
        changes: [
          {
            name: 'available',
            delta: 3,
            quantityAfterChange: 15,
            item: { id: 'gid://shopify/InventoryItem/3001' },
          },
        ],
      },
    },
  ],
  run: async (ctx) => {
    const client = await shopifyClient(ctx);
    return perItem(ctx, async (p, i) => {
      const input = {
        name: 'available',
        reason: p.reason,
        quantities: [
          {
            inventoryItemId: toGid('InventoryItem', p.inventoryItemId, 'inventoryItemId'),
            locationId: toGid('Location', p.locationId, 'locationId'),
            quantity: p.quantity,
            changeFromQuantity: p.expectedQuantity ?? null,
          },
        ],
      };
      const payload = await client.mutate<{ inventoryAdjustmentGroup: unknown }>(
        setDocument(ctx.idempotencyKey(i)),
        { input },
        'inventorySetQuantities',
        i,
      );
      return [flattenObject(payload.inventoryAdjustmentGroup)];
    });
  },
});
