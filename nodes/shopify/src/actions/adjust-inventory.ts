import { defineNode, z } from '@shopwire/sdk';
import { shopifyClient, shopifyCredentials } from '../lib/context.js';
import { adjustInventory as adjustDocument } from '../lib/documents.js';
import { flattenObject } from '../lib/flatten.js';
import { toGid } from '../lib/gid.js';
import { idParam, inventoryReason } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

export const adjustInventory = defineNode({
  type: 'shopify.adjustInventory',
  version: 1,
  displayName: 'Shopify: Adjust Inventory',
  description:
    'Adds or removes available stock of an inventory item at a location (inventoryAdjustQuantities). Retries are safe: each item is sent with an @idempotent key.',
  kind: 'action',
  group: 'Retail',
  icon: 'shopify',
  params: z.object({
    inventoryItemId: idParam('Inventory item id', 'gid://shopify/InventoryItem/3001 or 3001'),
    locationId: idParam('Location id', 'gid://shopify/Location/1 or 1'),
    delta: z
      .number()
      .int()
      .refine((n) => n !== 0, 'must not be 0')
      .meta({ title: 'Change (delta)', description: 'Positive adds stock, negative removes it' }),
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
            delta: -2,
            quantityAfterChange: 10,
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
        changes: [
          {
            delta: p.delta,
            inventoryItemId: toGid('InventoryItem', p.inventoryItemId, 'inventoryItemId'),
            locationId: toGid('Location', p.locationId, 'locationId'),
            // explicit opt-out of compare-and-swap (2026-04 asks for the field to be present)
            changeFromQuantity: null,
          },
        ],
      };
      const payload = await client.mutate<{ inventoryAdjustmentGroup: unknown }>(
        adjustDocument(ctx.idempotencyKey(i)),
        { input },
        'inventoryAdjustQuantities',
        i,
      );
      return [flattenObject(payload.inventoryAdjustmentGroup)];
    });
  },
});
