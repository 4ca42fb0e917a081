import { createSandboxPool, type SandboxPool } from '@shopwire/sandbox';
import type { ExpressionBatchRequest, Sandbox } from '@shopwire/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import expressions from './fixtures/expressions.json' with { type: 'json' };
import { createHarness, items, loadWorkflow } from './test-support/harness.js';

// Uses the real isolated-vm sandbox (needs `npm run build -w @shopwire/sandbox`).
let pool: SandboxPool;
beforeAll(() => {
  pool = createSandboxPool({ size: 1 });
});
afterAll(async () => {
  await pool.close();
});

/** The real sandbox, with every expression batch request kept for inspection. */
function recording(): { sandbox: Sandbox; batches: ExpressionBatchRequest[] } {
  const batches: ExpressionBatchRequest[] = [];
  return {
    batches,
    sandbox: {
      evaluateExpressions: (request) => {
        batches.push(request);
        return pool.evaluateExpressions(request);
      },
      runCode: (request) => pool.runCode(request),
    },
  };
}

const orders = { nodeId: 'trigger', items: items({ id: 'A1', qty: 2 }, { id: 'A2', qty: 5 }) };

describe('expressions', () => {
  it('resolves every template of a node in one sandbox call, per item, with only referenced nodes', async () => {
    const { sandbox, batches } = recording();
    const h = createHarness({ sandbox });
    const result = await h.run(loadWorkflow(expressions), { start: orders, vars: { greeting: 'hi' } });
    expect(result.status).toBe('success');
    expect(batches).toHaveLength(1); // only Calc has templates
    const batch = batches[0];
    expect(batch?.templates).toHaveLength(3); // the repeated total template is sent once
    expect(batch?.itemIndexes).toEqual([0, 1]);
    expect(Object.keys(batch?.context.nodes ?? {})).toEqual(['Source']);
    expect(batch?.context.vars).toEqual({ greeting: 'hi' });
    const calc = h.journal.steps().find((s) => s.nodeId === 'calc');
    expect(calc?.output?.['main']?.map((i) => i.json)).toEqual([
      {
        id: 'A1',
        qty: 2,
        x: 1,
        rate: 3,
        total: 6,
        label: 'Order A1',
        nested: { list: [6, 'plain'] },
        greeting: 'hi',
      },
      {
        id: 'A2',
        qty: 5,
        x: 1,
        rate: 3,
        total: 15,
        label: 'Order A2',
        nested: { list: [15, 'plain'] },
        greeting: 'hi',
      },
    ]);
    // the code node: raw param not evaluated, its console output captured in the step logs
    expect(result.lastNode?.items.map((i) => i.json['doubled'])).toEqual([12, 30]);
    const code = h.journal.steps().find((s) => s.nodeId === 'code');
    expect(code?.logs?.map((l) => l.message)).toContain('n=2');
  });

  it('names the param and item when an expression fails', async () => {
    const h = createHarness({ sandbox: recording().sandbox });
    const wf = loadWorkflow(expressions, (doc) => {
      const calc = (doc['nodes'] as Record<string, unknown>[]).find((n) => n['id'] === 'calc');
      if (calc) calc['params'] = { values: { bad: '{{ $json.missing.deep }}' } };
    });
    const result = await h.run(wf, { start: orders });
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({
      code: 'EXPRESSION',
      field: 'params.values.bad',
      itemIndex: 0,
      nodeId: 'calc',
    });
  });

  it('validates resolved params per item against the node schema', async () => {
    const h = createHarness({ sandbox: recording().sandbox });
    const wf = loadWorkflow(expressions, (doc) => {
      (doc['nodes'] as unknown[]).push({
        id: 'strict',
        name: 'Strict',
        type: 'test.strict',
        params: { url: '{{ $json.url }}', count: 1 },
      });
      (doc['connections'] as unknown[]).push({ from: { node: 'trigger' }, to: { node: 'strict' } });
    });
    const result = await h.run(wf, {
      start: { nodeId: 'trigger', items: items({ url: 'https://a.example' }, { url: 'nope' }) },
    });
    expect(result.error).toMatchObject({
      code: 'VALIDATION',
      field: 'params.url',
      itemIndex: 1,
      nodeName: 'Strict',
    });
  });
});
