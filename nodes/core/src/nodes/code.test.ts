import { createSandboxPool } from '@shopwire/sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext, items, outputJson, runNode } from '@shopwire/testing';
import { code } from './code.js';

const sandbox = createSandboxPool({ size: 1 });
afterAll(() => sandbox.close());

describe('core.code (real isolated-vm sandbox)', () => {
  it('runs once over all items and forwards console output to the logger', async () => {
    const { ctx, logs } = createTestContext({
      node: code,
      items: items({ price: 2, qty: 3 }, { price: 5, qty: 1 }),
      params: {
        code: "console.log('rows', items.length);\nreturn [{ total: items.reduce((s, i) => s + i.json.price * i.json.qty, 0) }];",
      },
      sandbox,
    });
    expect(outputJson(await code.run!(ctx))).toEqual([{ total: 11 }]);
    expect(logs).toEqual([{ level: 'info', message: 'rows 2' }]);
  });

  it('runs per item in one sandbox call with item, $json, $index and a one-item $input', async () => {
    const result = await runNode({
      node: code,
      items: items({ n: 1 }, { n: 2 }, { n: 3 }),
      params: {
        mode: 'eachItem',
        code: 'if ($json.n === 2) return null;\nreturn { n: item.json.n * 10, i: $index, seen: $input.all().length, batch: items.length };',
      },
      sandbox,
    });
    expect(outputJson(result)).toEqual([
      { n: 10, i: 0, seen: 1, batch: 1 },
      { n: 30, i: 2, seen: 1, batch: 1 },
    ]);
    expect((result as { pairedItem?: number }[]).map((item) => item.pairedItem)).toEqual([0, 2]);
  });

  it('reports user errors with the right line, in both modes', async () => {
    for (const mode of ['allItems', 'eachItem']) {
      const run = runNode({
        node: code,
        items: items({}),
        params: { mode, code: 'const a = 1;\nthrow new Error("bad row");' },
        sandbox,
      });
      await expect(run).rejects.toThrow(/bad row \[line 2\]/);
    }
  });

  it('keeps the code raw and has no access to host globals', async () => {
    expect(code.rawParams).toEqual(['code']);
    const result = await runNode({
      node: code,
      items: items({}),
      params: { code: 'return [{ proc: typeof process, req: typeof require }]' },
      sandbox,
    });
    expect(outputJson(result)).toEqual([{ proc: 'undefined', req: 'undefined' }]);
  });
});
