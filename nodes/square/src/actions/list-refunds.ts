import { defineNode, z } from '@shopwire/sdk';
import refund from '../fixtures/refund.json' with { type: 'json' };
import { isoTime, listParams } from '../lib/params.js';
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  locationId: z.string().trim().optional().meta({ title: 'Location id' }),
  status: z.enum(['PENDING', 'COMPLETED', 'REJECTED', 'FAILED']).optional().meta({ title: 'Status' }),
  beginTime: isoTime.optional().meta({ title: 'Created at or after' }),
  endTime: isoTime.optional().meta({ title: 'Created before' }),
  ...listParams(100, 100),
});

export const listRefunds = defineNode({
  type: 'square.listRefunds',
  version: 1,
  displayName: 'Square: List Refunds',
  description: 'Lists payment refunds; one item per refund.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: refund }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.paginate(async (cursor) => {
        const res = await client.request<{ refunds?: unknown[]; cursor?: string }>({
          method: 'GET',
          path: '/refunds',
          query: {
            location_id: p.locationId || undefined,
            status: p.status,
            begin_time: p.beginTime,
            end_time: p.endTime,
            limit: p.returnAll ? p.pageSize : Math.min(p.pageSize, p.limit),
            cursor,
          },
        });
        return { items: res.refunds, cursor: res.cursor };
      }, p),
    ),
});
