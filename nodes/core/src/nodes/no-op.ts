import { defineNode, z } from '@shopwire/sdk';

export const noOp = defineNode({
  type: 'core.noOp',
  version: 1,
  displayName: 'No operation',
  description: 'Does nothing: passes items through. Useful as a placeholder or to join branches visually.',
  kind: 'transform',
  group: 'Flow',
  icon: 'arrow-right',
  params: z.object({}),
  run: async (ctx) => ctx.items,
});
