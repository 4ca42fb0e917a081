import { describe, expect, it } from 'vitest';
import { defineNode, z } from '@shopwire/sdk';
import { items, outputJson, runNode } from './node-context.js';

const node = (run: Parameters<typeof defineNode>[0]['run']) =>
  defineNode({
    type: 'test.node',
    version: 1,
    displayName: 'Test',
    description: 'test',
    kind: 'transform',
    group: 'Flow',
    params: z.object({}),
    run,
  });

describe('runNode', () => {
  it('fails a node that writes into the items it was given', async () => {
    const writesField = node(async (ctx) => {
      for (const item of ctx.items) (item.json as Record<string, unknown>)['seen'] = true;
      return ctx.items;
    });
    await expect(runNode({ node: writesField, items: items({ id: 1 }) })).rejects.toThrow(TypeError);
    const pushes = node(async (ctx) => {
      ctx.items.push({ json: { extra: true } });
      return ctx.items;
    });
    await expect(runNode({ node: pushes, items: items({ id: 1 }) })).rejects.toThrow(TypeError);
    const nested = node(async (ctx) => {
      (ctx.items[0]?.json['order'] as { lines: unknown[] }).lines.pop();
      return ctx.items;
    });
    await expect(runNode({ node: nested, items: items({ order: { lines: [1, 2] } }) })).rejects.toThrow(
      TypeError,
    );
  });

  it('runs a node that returns new items, sharing what it does not change', async () => {
    const adds = node(async (ctx) =>
      ctx.items.map((item) => ({ ...item, json: { ...item.json, seen: true } })),
    );
    expect(outputJson(await runNode({ node: adds, items: items({ id: 1 }) }))).toEqual([
      { id: 1, seen: true },
    ]);
  });
});
