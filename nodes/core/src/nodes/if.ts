import { defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { combineSchema, conditionsSchema, evaluateConditions } from '../lib/conditions.js';

export const ifNode = defineNode({
  type: 'core.if',
  version: 1,
  displayName: 'If',
  description: 'Routes each item to "true" or "false" depending on the conditions.',
  kind: 'transform',
  group: 'Flow',
  icon: 'split',
  params: z.object({ conditions: conditionsSchema, combine: combineSchema }),
  outputs: ['true', 'false'],
  run: async (ctx) => {
    const yes: Item[] = [];
    const no: Item[] = [];
    ctx.items.forEach((item, i) => {
      const p = ctx.itemParams[i] ?? ctx.params;
      const match = evaluateConditions({ conditions: p.conditions, combine: p.combine, itemIndex: i });
      (match ? yes : no).push({ ...item, pairedItem: i });
    });
    return { true: yes, false: no };
  },
});
