import { ValidationError, defineNode, z } from '@shopwire/sdk';
import type { JsonObject } from '@shopwire/sdk';
import { shopifyClient, shopifyCredentials } from '../lib/context.js';
import { GET_INVENTORY_LEVELS } from '../lib/documents.js';
import { numericId, toGid } from '../lib/gid.js';
import { idParam } from '../lib/params.js';
import { perItem } from '../lib/per-item.js';

interface Level {
  id: string;
  location: { id: string; name: string };
  quantities: { name: string; quantity: number }[];
}
interface InventoryItemNode {
  id: string;
  sku: string | null;
  tracked: boolean;
  inventoryLevels: { nodes: Level[] };
}

const ids = z
  .union([
    z.string().max(20_000),
    z
      .array(z.union([z.string(), z.number()]))
      .min(1)
      .max(250),
  ])
  .meta({
    title: 'Inventory item ids',
    description: 'A list, or comma-separated numeric ids / GIDs (≤ 250)',
  });

export const getInventoryLevels = defineNode({
  type: 'shopify.getInventoryLevels',
  version: 1,
  displayName: 'Shopify: Get Inventory Levels',
  description:
    'Available / on-hand / committed quantities of inventory items, one item per item and location.',
  kind: 'action',
  group: 'Retail',
  icon: 'shopify',
  params: z.object({
    inventoryItemIds: ids,
    locationId: idParam('Location id', 'gid://shopify/Location/1 or 1').optional(),
  }),
  credentials: shopifyCredentials,
  idempotent: true,
  sampleOutput: [
    {
      json: {
        inventoryItemId: 'gid://shopify/InventoryItem/3001',
        sku: 'SW-CAN-001',
        locationId: 'gid://shopify/Location/1',
        locationName: 'Main Street Shop',
        available: 12,
        on_hand: 12,
        committed: 0,
      },
    },
  ],
  run: async (ctx) => {
    const client = await shopifyClient(ctx);
    return perItem(ctx, async (p) => {
      const list = Array.isArray(p.inventoryItemIds)
        ? p.inventoryItemIds
        : p.inventoryItemIds
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
      if (list.length === 0 || list.length > 250) {
        throw new ValidationError('inventoryItemIds', 'give between 1 and 250 inventory item ids');
      }
      const gids = list.map((id, i) => toGid('InventoryItem', id, `inventoryItemIds.${i}`));
      const location = p.locationId === undefined ? undefined : toGid('Location', p.locationId, 'locationId');
      const data = await client.query<{ nodes: (InventoryItemNode | null)[] }>(
        GET_INVENTORY_LEVELS,
        { ids: gids },
        { estimatedCost: gids.length * 10 },
      );
      const out: JsonObject[] = [];
      data.nodes.forEach((node, i) => {
        if (!node) {
          out.push({ inventoryItemId: gids[i]!, found: false });
          return;
        }
        for (const level of node.inventoryLevels.nodes) {
          if (location && level.location.id !== location) continue;
          const row: JsonObject = {
            inventoryItemId: node.id,
            inventoryItemLegacyId: numericId(node.id) ?? null,
            sku: node.sku,
            tracked: node.tracked,
            locationId: level.location.id,
            locationName: level.location.name,
          };
          for (const q of level.quantities) row[q.name] = q.quantity;
          out.push(row);
        }
      });
      return out;
    });
  },
});
