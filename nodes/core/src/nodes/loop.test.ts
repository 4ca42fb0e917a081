import { describe, expect, it } from 'vitest';
import type { Item } from '@shopwire/sdk';
import { items, outputJson, runNode } from '@shopwire/testing';
import type { RunStateHolder } from '@shopwire/testing';
import { loop } from './loop.js';

describe('core.loop', () => {
  it('emits batches on "loop", collects the back-edge and ends on "done"', async () => {
    const runState: RunStateHolder = { value: undefined };
    const input = items({ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 });
    const params = { batchSize: 2 };
    const processed = (batch: Item[]): Item[] =>
      batch.map((item) => ({ json: { ...item.json, done: true } }));

    let result = await runNode({ node: loop, inputs: [input, []], params, runState });
    const batches: unknown[][] = [outputJson(result, 'loop')];
    let runs = 1;
    while (outputJson(result, 'done').length === 0) {
      const back = processed((result as Record<string, Item[]>).loop ?? []);
      result = await runNode({ node: loop, inputs: [[], back], params, runState, runIndex: runs++ });
      if (outputJson(result, 'loop').length) batches.push(outputJson(result, 'loop'));
      expect(runs).toBeLessThan(10);
    }
    expect(batches).toEqual([[{ n: 1 }, { n: 2 }], [{ n: 3 }, { n: 4 }], [{ n: 5 }]]);
    expect(outputJson(result, 'done')).toEqual(input.map((item) => ({ ...item.json, done: true })));
    expect(runState.value).toBeNull();

    // the state was cleared: the next fresh input starts a new loop
    const again = await runNode({ node: loop, inputs: [items({ n: 9 }), []], params, runState });
    expect(outputJson(again, 'loop')).toEqual([{ n: 9 }]);
  });

  it('emits nothing for no input', async () => {
    expect(await runNode({ node: loop, inputs: [[], []], params: {} })).toEqual({ loop: [], done: [] });
  });
});
