import { defineNode, z } from '@shopwire/sdk';
import count from '../fixtures/inventory-count.json' with { type: 'json' };
import { INVENTORY_STATES } from '../lib/inventory.js';
import { compact, quantity, squareIdempotencyKey } from '../lib/params.js';
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const change = z
  .object({
    type: z.enum(['ADJUSTMENT', 'PHYSICAL_COUNT']).default('ADJUSTMENT').meta({ title: 'Type' }),
    catalogObjectId: z.string().trim().min(1).meta({ title: 'Variation id' }),
    locationId: z.string().trim().min(1).meta({ title: 'Location id' }),
    quantity,
    fromState: z
      .enum(INVENTORY_STATES)
      .optional()
      .meta({ title: 'From state (adjustment)', description: 'e.g. IN_STOCK' }),
    toState: z
      .enum(INVENTORY_STATES)
      .optional()
      .meta({ title: 'To state (adjustment)', description: 'e.g. SOLD or WASTE' }),
    state: z.enum(INVENTORY_STATES).default('IN_STOCK').meta({ title: 'State (physical count)' }),
    occurredAt: z.iso.datetime({ offset: true }).optional().meta({ title: 'Occurred at (default: now)' }),
  })
  .superRefine((c, issue) => {
    if (c.type === 'ADJUSTMENT' && (!c.fromState || !c.toState))
      issue.addIssue({
        code: 'custom',
        path: [c.fromState ? 'toState' : 'fromState'],
        message: 'an adjustment needs fromState and toState',
      });
  });

const params = z.object({
  changes: z.array(change).min(1).max(100).meta({ title: 'Changes (≤ 100)' }),
  ignoreUnchangedCounts: z
    .boolean()
    .default(true)
    .meta({ title: 'Skip physical counts that change nothing' }),
});

export const batchCreateInventoryChanges = defineNode({
  type: 'square.batchCreateInventoryChanges',
  version: 1,
  displayName: 'Square: Change Inventory',
  description:
    'Adjusts stock (e.g. IN_STOCK → SOLD/WASTE, NONE → IN_STOCK) or records physical counts; outputs the new counts.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: count }],
  run: (ctx) =>
    runPerItem(ctx, async ({ params: p, index, client }) => {
      const occurredAt = ctx.now().toISOString();
      const res = await client.request<{ counts?: unknown[] }>({
        method: 'POST',
        path: '/inventory/changes/batch-create',
        json: {
          idempotency_key: squareIdempotencyKey(ctx.idempotencyKey(index), 128),
          ignore_unchanged_counts: p.ignoreUnchangedCounts,
          changes: p.changes.map((c) => {
            const common = {
              catalog_object_id: c.catalogObjectId,
              location_id: c.locationId,
              quantity: c.quantity,
              occurred_at: c.occurredAt ?? occurredAt,
            };
            return c.type === 'ADJUSTMENT'
              ? {
                  type: 'ADJUSTMENT',
                  adjustment: compact({ ...common, from_state: c.fromState, to_state: c.toState }),
                }
              : { type: 'PHYSICAL_COUNT', physical_count: { ...common, state: c.state } };
          }),
        },
      });
      return res.counts ?? [];
    }),
});
