import { defineNode, isJsonObject, z } from '@shopwire/sdk';
import type { Item, JsonValue } from '@shopwire/sdk';

interface LoopState {
  /** batches not emitted yet */
  pending: Item[][];
  /** items that came back on the back-edge */
  collected: Item[];
}

function readState(value: JsonValue | undefined): LoopState | undefined {
  if (!isJsonObject(value) || !Array.isArray(value.pending) || !Array.isArray(value.collected))
    return undefined;
  return value as unknown as LoopState;
}

function chunk(items: Item[], size: number): Item[][] {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

export const loop = defineNode({
  type: 'core.loop',
  version: 1,
  displayName: 'Loop over items',
  description:
    'Splits the items into batches and sends one batch at a time to "loop". Connect the end of the loop body back to input 2; when every batch is done, all items that came back leave on "done".',
  kind: 'transform',
  group: 'Flow',
  icon: 'repeat',
  params: z.object({
    batchSize: z.number().int().min(1).max(10_000).default(10).meta({ title: 'Batch size' }),
  }),
  inputs: 2,
  outputs: ['loop', 'done'],
  loop: true,
  run: async (ctx) => {
    const state = readState(ctx.runState.get());
    const fresh = ctx.inputs[0] ?? [];
    const returned = ctx.inputs[1] ?? [];
    if (!state) {
      // first run: split the input into batches
      const [first, ...pending] = chunk(fresh, ctx.params.batchSize);
      if (!first) return { loop: [], done: [] };
      ctx.runState.set({ pending, collected: [] } as unknown as JsonValue);
      return { loop: first, done: [] };
    }
    const collected = [
      ...state.collected,
      ...returned.map((item) => ({ json: item.json, ...(item.binary ? { binary: item.binary } : {}) })),
    ];
    const [next, ...pending] = state.pending;
    if (next) {
      ctx.runState.set({ pending, collected } as unknown as JsonValue);
      return { loop: next, done: [] };
    }
    ctx.runState.set(null);
    return { loop: [], done: collected };
  },
});
