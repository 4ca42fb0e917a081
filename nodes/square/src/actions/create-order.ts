import { defineNode, z } from '@shopwire/sdk';
import order from '../fixtures/order.json' with { type: 'json' };
import { compact, quantity, squareId, squareIdempotencyKey } from '../lib/params.js';
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  locationId: squareId('Location id'),
  lineItems: z
    .array(
      z.object({
        catalogObjectId: squareId('Catalog object id (variation)'),
        quantity,
        note: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(500)
    .meta({ title: 'Line items' }),
  customerId: z.string().trim().optional().meta({ title: 'Customer id' }),
  referenceId: z
    .string()
    .max(40)
    .optional()
    .meta({ title: 'Reference id', description: 'Your own order number' }),
});

export const createOrder = defineNode({
  type: 'square.createOrder',
  version: 1,
  displayName: 'Square: Create Order',
  description:
    'Creates an order at a location from catalog variations. Safe to retry: sent with an idempotency key.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: order }],
  run: (ctx) =>
    runPerItem(ctx, async ({ params: p, index, client }) => {
      const res = await client.request<{ order: unknown }>({
        method: 'POST',
        path: '/orders',
        json: {
          idempotency_key: squareIdempotencyKey(ctx.idempotencyKey(index), 192),
          order: compact({
            location_id: p.locationId,
            customer_id: p.customerId,
            reference_id: p.referenceId,
            line_items: p.lineItems.map((l) =>
              compact({ catalog_object_id: l.catalogObjectId, quantity: l.quantity, note: l.note }),
            ),
          }),
        },
      });
      return res.order;
    }),
});
