import { defineNode, z } from '@shopwire/sdk';
import payment from '../fixtures/payment.json' with { type: 'json' };
import { isoTime, listParams } from '../lib/params.js';
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  locationId: z.string().trim().optional().meta({ title: 'Location id' }),
  beginTime: isoTime.optional().meta({ title: 'Created at or after' }),
  endTime: isoTime.optional().meta({ title: 'Created before' }),
  sortOrder: z.enum(['DESC', 'ASC']).default('DESC').meta({ title: 'Sort order' }),
  ...listParams(100, 100),
});

export const listPayments = defineNode({
  type: 'square.listPayments',
  version: 1,
  displayName: 'Square: List Payments',
  description: 'Lists payments (by location and time range); one item per payment.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: payment }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.paginate(async (cursor) => {
        const res = await client.request<{ payments?: unknown[]; cursor?: string }>({
          method: 'GET',
          path: '/payments',
          query: {
            location_id: p.locationId || undefined,
            begin_time: p.beginTime,
            end_time: p.endTime,
            sort_order: p.sortOrder,
            limit: p.returnAll ? p.pageSize : Math.min(p.pageSize, p.limit),
            cursor,
          },
        });
        return { items: res.payments, cursor: res.cursor };
      }, p),
    ),
});
