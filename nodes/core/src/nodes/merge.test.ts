import { describe, expect, it } from 'vitest';
import { nodeInputCount } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';
import { items, outputJson, runNode } from '@shopwire/testing';
import { merge } from './merge.js';

const customers = items(
  { email: 'a@x', name: 'Ada' },
  { email: 'b@x', name: 'Bob' },
  { email: 'c@x', name: 'Cy' },
);
const orders = items(
  { customer: { email: 'a@x' }, total: 10 },
  { customer: { email: 'a@x' }, total: 20 },
  { customer: { email: 'z@x' }, total: 5 },
);

describe('core.merge', () => {
  it('appends all inputs and takes its input count from params', async () => {
    const result = await runNode({
      node: merge,
      inputs: [items({ a: 1 }), items({ b: 2 }), items({ c: 3 })],
      params: { inputCount: 3 },
    });
    expect(outputJson(result)).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(nodeInputCount(merge as unknown as NodeDefinition, merge.params.parse({ inputCount: 4 }))).toBe(4);
    expect(nodeInputCount(merge as unknown as NodeDefinition, merge.params.parse({}))).toBe(2);
  });

  it('combines by key with inner, left and outer joins', async () => {
    const run = (join: string) =>
      runNode({
        node: merge,
        inputs: [customers, orders],
        params: { mode: 'combineByKey', key1: 'email', key2: 'customer.email', join },
      });
    expect(outputJson(await run('inner'))).toEqual([
      { email: 'a@x', name: 'Ada', customer: { email: 'a@x' }, total: 10 },
      { email: 'a@x', name: 'Ada', customer: { email: 'a@x' }, total: 20 },
    ]);
    expect(outputJson(await run('left')).map((j) => (j as { name: string }).name)).toEqual([
      'Ada',
      'Ada',
      'Bob',
      'Cy',
    ]);
    const outer = outputJson(await run('outer'));
    expect(outer).toHaveLength(5);
    expect(outer[4]).toEqual({ customer: { email: 'z@x' }, total: 5 });
  });

  it('combines by position', async () => {
    const inputs = [items({ a: 1 }, { a: 2 }, { a: 3 }), items({ b: 1 })];
    expect(outputJson(await runNode({ node: merge, inputs, params: { mode: 'combineByPosition' } }))).toEqual(
      [{ a: 1, b: 1 }],
    );
    expect(
      outputJson(
        await runNode({ node: merge, inputs, params: { mode: 'combineByPosition', join: 'outer' } }),
      ),
    ).toEqual([{ a: 1, b: 1 }, { a: 2 }, { a: 3 }]);
  });

  it('waitForAll outputs input 1 only, and combineByKey needs key1', async () => {
    expect(
      outputJson(
        await runNode({
          node: merge,
          inputs: [items({ a: 1 }), items({ b: 2 })],
          params: { mode: 'waitForAll' },
        }),
      ),
    ).toEqual([{ a: 1 }]);
    await expect(
      runNode({ node: merge, inputs: [[], []], params: { mode: 'combineByKey' } }),
    ).rejects.toThrow(/params\.key1/);
  });
});
