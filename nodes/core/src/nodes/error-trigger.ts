import { defineNode, z } from '@shopwire/sdk';

export const errorTrigger = defineNode({
  type: 'core.errorTrigger',
  version: 1,
  displayName: 'Error trigger',
  description:
    'Starts this workflow when a workflow that names it as its error workflow fails. The item describes the failure.',
  kind: 'trigger',
  group: 'Triggers',
  icon: 'alert',
  params: z.object({}),
  trigger: { type: 'error' },
  sampleOutput: [
    {
      json: {
        execution: { id: 'exec-1', mode: 'webhook' },
        workflow: { id: 'wf-1', name: 'Sync orders' },
        error: { code: 'HTTP_ERROR', message: 'Request failed with status 500', nodeName: 'HTTP Request' },
      },
    },
  ],
  run: async (ctx) => ctx.items,
});
