import { defineNode, z } from '@shopwire/sdk';
import { describe, expect, it } from 'vitest';
import loop from './fixtures/loop.json' with { type: 'json' };
import nestedLoop from './fixtures/nested-loop.json' with { type: 'json' };
import { MAX_LOOP_ITERATIONS } from './types.js';
import { createHarness, createRegistry, items, loadWorkflow } from './test-support/harness.js';
import { createTestNodes } from './test-support/test-nodes.js';

const five = items({ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 });

describe('loops', () => {
  it('runs the body once per batch, then emits everything on done', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(loop), { start: { nodeId: 'trigger', items: five } });
    expect(result.status).toBe('success');
    expect(h.counters.calls.get('loop')).toBe(4); // 3 batches + the final run
    expect(h.counters.calls.get('body')).toBe(3);
    expect(h.counters.calls.get('side')).toBe(3);
    expect(h.counters.calls.get('after')).toBe(1);
    expect(result.lastNode?.nodeId).toBe('after');
    expect(result.lastNode?.items.map((i) => i.json)).toEqual(five.map((i) => ({ ...i.json, seen: true })));
    // body nodes get a new runIndex per iteration; the loop node stores its runState per run
    expect(h.journal.finished('body').map((s) => s.runIndex)).toEqual([0, 1, 2]);
    expect(h.journal.finished('body').map((s) => s.input?.[0]?.length)).toEqual([2, 2, 1]);
    const loopSteps = h.journal.finished('loop');
    expect(loopSteps.map((s) => s.runIndex)).toEqual([0, 1, 2, 3]);
    expect(loopSteps[0]?.runState).toEqual({ pending: [{ n: 3 }, { n: 4 }, { n: 5 }], results: [] });
    expect(loopSteps[3]?.runState).toBeNull();
  });

  it('replays a loop from recorded steps without running finished iterations again', async () => {
    const h = createHarness();
    const first = await h.run(loadWorkflow(loop), {
      start: { nodeId: 'trigger', items: five },
      executionId: 'loop-1',
    });
    expect(first.status).toBe('success');
    // crash after the second body run: keep steps up to loop run 2 (which emitted batch 3)
    const recorded = h.journal
      .steps('loop-1')
      .filter(
        (s) =>
          s.nodeId === 'trigger' ||
          (s.nodeId === 'loop' && s.runIndex <= 2) ||
          (s.nodeId !== 'loop' && s.nodeId !== 'after' && s.runIndex <= 1),
      );
    const h2 = createHarness();
    const resumed = await h2.run(loadWorkflow(loop), {
      start: { nodeId: 'trigger', items: five },
      executionId: 'loop-1',
      priorSteps: recorded,
    });
    expect(resumed.status).toBe('success');
    expect(h2.counters.calls.get('body')).toBe(1);
    expect(h2.counters.calls.get('loop')).toBe(1);
    expect(resumed.lastNode?.items).toEqual(first.lastNode?.items);
  });

  it('runs nested loops: the inner loop restarts for every outer batch', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(nestedLoop), { start: { nodeId: 'trigger', items: five } });
    expect(result.status).toBe('success');
    expect(h.counters.calls.get('tag')).toBe(5);
    // outer: 3 batches + final; inner: per batch (2, 2, 1 items) one run per item + final
    expect(h.counters.calls.get('outer')).toBe(4);
    expect(h.counters.calls.get('inner')).toBe(3 + 3 + 2);
    expect(h.journal.finished('tag').map((s) => s.runIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(result.lastNode?.items.map((i) => i.json)).toEqual(five.map((i) => ({ ...i.json, tagged: true })));
  });

  it('fails a loop that never finishes after the iteration limit', async () => {
    const { nodes } = createTestNodes();
    const forever = defineNode({
      type: 'test.forever',
      version: 1,
      displayName: 'Forever',
      description: 'never done',
      kind: 'transform',
      group: 'Flow',
      params: z.object({}),
      inputs: 2,
      outputs: ['loop', 'done'],
      loop: true,
      run: async () => ({ loop: [{ json: {} }], done: [] }),
    });
    const h = createHarness({ nodes: createRegistry([...nodes, forever]) });
    const wf = loadWorkflow(loop, (doc) => {
      (doc['nodes'] as { id: string; type: string }[]).forEach(
        (n) => n.id === 'loop' && (n.type = 'test.forever'),
      );
    });
    const result = await h.run(wf, { start: { nodeId: 'trigger', items: five } });
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'LOOP_LIMIT', nodeId: 'loop' });
    expect(h.journal.finished('loop').length).toBe(MAX_LOOP_ITERATIONS + 1);
  });
});
