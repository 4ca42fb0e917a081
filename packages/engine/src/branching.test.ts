import { describe, expect, it } from 'vitest';
import branching from './fixtures/branching.json' with { type: 'json' };
import concurrency from './fixtures/concurrency.json' with { type: 'json' };
import pinned from './fixtures/pinned.json' with { type: 'json' };
import switchFixture from './fixtures/switch.json' with { type: 'json' };
import { createHarness, items, loadWorkflow } from './test-support/harness.js';

describe('branching and merge', () => {
  it('routes items by the If outputs and merges both branches', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(branching), {
      start: { nodeId: 'trigger', items: items({ id: 1, paid: true }, { id: 2, paid: false }) },
    });
    expect(result.status).toBe('success');
    expect(result.lastNode?.nodeId).toBe('after');
    expect(result.lastNode?.items.map((i) => i.json)).toEqual([
      { id: 1, paid: true, branch: 'paid' },
      { id: 2, paid: false, branch: 'unpaid' },
    ]);
  });

  it('skips a branch with no items and the merge does not wait for it', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(branching), {
      start: { nodeId: 'trigger', items: items({ id: 1, paid: true }) },
    });
    expect(result.status).toBe('success');
    expect(h.counters.calls.get('no')).toBeUndefined();
    expect(h.counters.calls.get('merge')).toBe(1);
    expect(result.lastNode?.items.map((i) => i.json)).toEqual([{ id: 1, paid: true, branch: 'paid' }]);
    // skipped nodes are not recorded
    expect(h.journal.steps().map((s) => s.nodeId)).not.toContain('no');
  });

  it('skips everything downstream when no items reach it', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(branching), { start: { nodeId: 'trigger', items: [] } });
    expect(result.status).toBe('success');
    expect(h.counters.calls.size).toBe(0);
    expect(h.journal.steps().map((s) => s.nodeId)).toEqual(['trigger']);
  });

  it('routes a multi-output switch and ignores unreachable nodes and other triggers', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(switchFixture), {
      start: { nodeId: 'trigger', items: items({ kind: 'a' }, { kind: 'z' }, { kind: 'a' }) },
    });
    expect(result.status).toBe('success');
    expect(h.counters.calls.get('a')).toBe(1);
    expect(h.counters.calls.get('b')).toBeUndefined();
    expect(h.counters.calls.get('other')).toBe(1);
    expect(h.counters.calls.get('orphan')).toBeUndefined();
    const other = h.journal.finished('other')[0];
    expect(other?.output?.['main']?.map((i) => i.json)).toEqual([{ kind: 'z' }]);
    expect(h.journal.steps().map((s) => s.nodeId)).not.toContain('trigger2');
  });
});

describe('trigger', () => {
  it('calls a trigger run() with the start items', async () => {
    const h = createHarness();
    const wf = loadWorkflow(branching, (doc) => {
      (doc['nodes'] as Record<string, unknown>[])[0]!['type'] = 'test.hook';
    });
    const result = await h.run(wf, { start: { nodeId: 'trigger', items: items({ paid: true }) } });
    expect(h.counters.calls.get('trigger')).toBe(1);
    expect(result.lastNode?.items[0]?.json).toEqual({ paid: true, received: true, branch: 'paid' });
  });
});

describe('concurrency', () => {
  it('runs independent branches concurrently, bounded by settings.concurrency', async () => {
    const h = createHarness();
    const started = performance.now();
    const result = await h.run(loadWorkflow(concurrency));
    const elapsed = performance.now() - started;
    expect(result.status).toBe('success');
    expect(h.counters.maxActive).toBe(2);
    expect(h.counters.calls.size).toBe(6);
    // 6 × 40 ms with 2 at a time: at least 3 rounds
    expect(elapsed).toBeGreaterThanOrEqual(110);
  });

  it('honours a higher bound', async () => {
    const h = createHarness();
    await h.run(loadWorkflow(concurrency, (doc) => void (doc['settings'] = { concurrency: 4 })));
    expect(h.counters.maxActive).toBe(4);
  });

  it('starts ready nodes in document order', async () => {
    const h = createHarness();
    const order: string[] = [];
    await h.run(
      loadWorkflow(concurrency, (doc) => void (doc['settings'] = { concurrency: 1 })),
      { onStep: (step) => void (step.status === 'running' && order.push(step.nodeId)) },
    );
    expect(order).toEqual(['trigger', 's1', 's2', 's3', 's4', 's5', 's6']);
  });
});

describe('pinned data and disabled nodes', () => {
  it('uses pinned items instead of running the node; a disabled node passes its input through', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(pinned));
    expect(result.status).toBe('success');
    expect(h.counters.calls.get('fetch')).toBeUndefined();
    expect(h.counters.calls.get('off')).toBeUndefined();
    const step = h.journal.finished('fetch')[0];
    expect(step?.pinned).toBe(true);
    expect(result.lastNode?.items.map((i) => i.json)).toEqual([{ order: 1 }, { order: 2 }]);
  });
});
