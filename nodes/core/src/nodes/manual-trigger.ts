import { defineNode, z } from '@shopwire/sdk';

export const manualTrigger = defineNode({
  type: 'core.manualTrigger',
  version: 1,
  displayName: 'Manual trigger',
  description: 'Starts the workflow when you click "Run" in the editor or call the run API.',
  kind: 'trigger',
  group: 'Triggers',
  icon: 'play',
  params: z.object({}),
  trigger: { type: 'manual' },
  sampleOutput: [{ json: {} }],
  // the engine passes the start items; a bare "Run" has none, so emit one empty item
  run: async (ctx) => (ctx.items.length ? ctx.items : [{ json: {} }]),
});
