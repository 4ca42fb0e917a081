import { defineNode, z } from '@shopwire/sdk';
import type { Item, OutputItems } from '@shopwire/sdk';
import { combineSchema, conditionsSchema, evaluateConditions } from '../lib/conditions.js';

const params = z.object({
  conditions: conditionsSchema,
  combine: combineSchema,
  outputDiscarded: z
    .boolean()
    .default(false)
    .meta({ title: 'Output discarded items', description: 'Adds a "discarded" output' }),
});

export const filter = defineNode({
  type: 'core.filter',
  version: 1,
  displayName: 'Filter',
  description:
    'Keeps only the items that match the conditions. Optionally sends the others to a "discarded" output.',
  kind: 'transform',
  group: 'Transform',
  icon: 'filter',
  params,
  outputs: (p) => (p.outputDiscarded ? ['main', 'discarded'] : ['main']),
  run: async (ctx) => {
    const kept: Item[] = [];
    const discarded: Item[] = [];
    ctx.items.forEach((item, i) => {
      const p = ctx.itemParams[i] ?? ctx.params;
      const match = evaluateConditions({ conditions: p.conditions, combine: p.combine, itemIndex: i });
      (match ? kept : discarded).push({ ...item, pairedItem: i });
    });
    const out: OutputItems = { main: kept };
    if (ctx.params.outputDiscarded) out.discarded = discarded;
    return out;
  },
});
