import { defineNode, z } from '@shopwire/sdk';

export const executeWorkflowTrigger = defineNode({
  type: 'core.executeWorkflowTrigger',
  version: 1,
  displayName: 'When called by another workflow',
  description: 'Starts this workflow from an "Execute workflow" node; outputs the items it was given.',
  kind: 'trigger',
  group: 'Triggers',
  icon: 'sub-workflow',
  params: z.object({}),
  trigger: { type: 'subworkflow' },
  run: async (ctx) => ctx.items,
});
