import { defineNode, z } from '@shopwire/sdk';
import count from '../fixtures/inventory-count.json' with { type: 'json' };
import { isoTime, listParams } from '../lib/params.js';
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';
import { INVENTORY_STATES } from '../lib/inventory.js';

const params = z.object({
  catalogObjectIds: z.array(z.string().trim().min(1)).max(1000).optional().meta({ title: 'Variation ids' }),
  locationIds: z.array(z.string().trim().min(1)).max(1000).optional().meta({ title: 'Location ids' }),
  states: z
    .array(z.enum(INVENTORY_STATES))
    .optional()
    .meta({ title: 'States', description: 'Default: all non-zero states' }),
  updatedAfter: isoTime.optional().meta({ title: 'Updated after' }),
  ...listParams(1000, 1000),
  returnAll: z.boolean().default(true).meta({ title: 'Return all', description: 'Follow every cursor' }),
});

export const batchRetrieveInventoryCounts = defineNode({
  type: 'square.batchRetrieveInventoryCounts',
  version: 1,
  displayName: 'Square: Get Inventory Counts',
  description: 'Current stock per variation, location and state (IN_STOCK, SOLD, ...); one item per count.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: count }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.paginate(async (cursor) => {
        const res = await client.request<{ counts?: unknown[]; cursor?: string }>({
          method: 'POST',
          path: '/inventory/counts/batch-retrieve',
          json: {
            catalog_object_ids: p.catalogObjectIds?.length ? p.catalogObjectIds : undefined,
            location_ids: p.locationIds?.length ? p.locationIds : undefined,
            states: p.states?.length ? p.states : undefined,
            updated_after: p.updatedAfter,
            limit: p.returnAll ? p.pageSize : Math.min(p.pageSize, p.limit),
            cursor,
          },
        });
        return { items: res.counts, cursor: res.cursor };
      }, p),
    ),
});
