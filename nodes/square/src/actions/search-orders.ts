import { defineNode, z } from '@shopwire/sdk';
import order from '../fixtures/order.json' with { type: 'json' };
import { isoTime, listParams } from '../lib/params.js';
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  locationIds: z.array(z.string().trim().min(1)).min(1).max(10).meta({ title: 'Location ids (1–10)' }),
  states: z
    .array(z.enum(['OPEN', 'COMPLETED', 'CANCELED', 'DRAFT']))
    .optional()
    .meta({ title: 'States' }),
  customerIds: z.array(z.string().trim().min(1)).max(10).optional().meta({ title: 'Customer ids' }),
  createdAfter: isoTime.optional().meta({ title: 'Created at or after' }),
  createdBefore: isoTime.optional().meta({ title: 'Created before' }),
  sortOrder: z.enum(['DESC', 'ASC']).default('DESC').meta({ title: 'Sort by created_at' }),
  ...listParams(1000, 500),
});

export const searchOrders = defineNode({
  type: 'square.searchOrders',
  version: 1,
  displayName: 'Square: Search Orders',
  description: 'Finds orders at locations by state, customer and creation time; one item per order.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: order }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) => {
      const filter: Record<string, unknown> = {};
      if (p.states?.length) filter.state_filter = { states: p.states };
      if (p.customerIds?.length) filter.customer_filter = { customer_ids: p.customerIds };
      if (p.createdAfter || p.createdBefore)
        filter.date_time_filter = { created_at: { start_at: p.createdAfter, end_at: p.createdBefore } };
      const query = { filter, sort: { sort_field: 'CREATED_AT', sort_order: p.sortOrder } };
      return client.paginate(async (cursor) => {
        const res = await client.request<{ orders?: unknown[]; cursor?: string }>({
          method: 'POST',
          path: '/orders/search',
          json: {
            location_ids: p.locationIds,
            query,
            limit: p.returnAll ? p.pageSize : Math.min(p.pageSize, p.limit),
            cursor,
          },
        });
        return { items: res.orders, cursor: res.cursor };
      }, p);
    }),
});
