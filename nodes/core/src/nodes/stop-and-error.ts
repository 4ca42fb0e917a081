import { NodeError, defineNode, z } from '@shopwire/sdk';

export const stopAndError = defineNode({
  type: 'core.stopAndError',
  version: 1,
  displayName: 'Stop and error',
  description: 'Fails the execution with your message (and starts the error workflow, if one is set).',
  kind: 'transform',
  group: 'Flow',
  icon: 'octagon-x',
  params: z.object({
    message: z
      .string()
      .min(1)
      .max(2000)
      .meta({ title: 'Error message', ui: { widget: 'textarea' } }),
    code: z
      .string()
      .max(100)
      .optional()
      .meta({ title: 'Error code', ui: { placeholder: 'OUT_OF_STOCK' } }),
  }),
  run: async (ctx) => {
    throw new NodeError(ctx.params.message, { code: ctx.params.code || 'STOPPED', nodeId: ctx.node.id });
  },
});
