import { defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';

export const executeWorkflow = defineNode({
  type: 'core.executeWorkflow',
  version: 1,
  displayName: 'Execute workflow',
  description:
    'Runs another workflow (starting at its "When called by another workflow" trigger) and outputs what its last node returned.',
  kind: 'action',
  group: 'Flow',
  icon: 'sub-workflow',
  // running it again starts the sub-workflow (and its side effects) again
  idempotent: false,
  params: z.object({
    workflowId: z.string().min(1).max(128).meta({ title: 'Workflow ID' }),
    mode: z
      .enum(['once', 'eachItem'])
      .default('once')
      .meta({ title: 'Run', description: 'once: with all items; eachItem: once per item' }),
  }),
  run: async (ctx) => {
    if (ctx.params.mode === 'once') return ctx.executeWorkflow(ctx.params.workflowId, ctx.items);
    const out: Item[] = [];
    for (const [i, item] of ctx.items.entries()) {
      const p = ctx.itemParams[i] ?? ctx.params;
      const result = await ctx.executeWorkflow(p.workflowId, [item]);
      out.push(...result.map((r) => ({ ...r, pairedItem: i })));
    }
    return out;
  },
});
