import { defineNode, z } from '@shopwire/sdk';

export const limit = defineNode({
  type: 'core.limit',
  version: 1,
  displayName: 'Limit',
  description: 'Keeps only the first (or last) N items.',
  kind: 'transform',
  group: 'Transform',
  icon: 'scissors',
  params: z.object({
    maxItems: z.number().int().min(0).max(1_000_000).default(1).meta({ title: 'Max items' }),
    keep: z.enum(['first', 'last']).default('first').meta({ title: 'Keep' }),
  }),
  run: async (ctx) => {
    const { maxItems, keep } = ctx.params;
    const indexed = ctx.items.map((item, index) => ({ ...item, pairedItem: index }));
    if (maxItems === 0) return [];
    return keep === 'first' ? indexed.slice(0, maxItems) : indexed.slice(-maxItems);
  },
});
