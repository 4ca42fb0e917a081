import { describe, expect, it } from 'vitest';
import type { StepRecord } from '@shopwire/sdk';
import linear from './fixtures/linear.json' with { type: 'json' };
import wait from './fixtures/wait.json' with { type: 'json' };
import { createHarness, items, loadWorkflow } from './test-support/harness.js';

const start = { nodeId: 'trigger', items: items({ id: 7 }) };

describe('partial runs', () => {
  it('runs from a node: upstream outputs come from the last run, recorded under the new execution', async () => {
    const h = createHarness();
    await h.run(loadWorkflow(linear), { executionId: 'first', start });
    const prior = h.journal.steps('first').filter((s) => s.nodeId !== 'b' && s.nodeId !== 'c');
    const result = await h.run(loadWorkflow(linear), { executionId: 'second', start, priorSteps: prior });
    expect(result.status).toBe('success');
    expect(h.counters.calls.get('a')).toBe(1); // only the first execution ran A
    expect(h.counters.calls.get('b')).toBe(2);
    expect(h.counters.calls.get('c')).toBe(2);
    expect(result.lastNode?.items[0]?.json).toEqual({ id: 7, a: 1, b: 2, c: 3 });
    expect(
      h.journal
        .steps('second')
        .map((s) => s.nodeId)
        .sort(),
    ).toEqual(['a', 'b', 'c', 'trigger']);
  });

  it('runs only one node with destinationNodeId', async () => {
    const h = createHarness();
    await h.run(loadWorkflow(linear), { executionId: 'first', start });
    const prior = h.journal.steps('first').filter((s) => s.nodeId !== 'b' && s.nodeId !== 'c');
    const result = await h.run(loadWorkflow(linear), {
      executionId: 'second',
      start,
      priorSteps: prior,
      destinationNodeId: 'b',
    });
    expect(result.status).toBe('success');
    expect(h.counters.calls.get('b')).toBe(2);
    expect(h.counters.calls.get('c')).toBe(1);
    expect(result.lastNode).toEqual({ nodeId: 'b', items: items({ id: 7, a: 1, b: 2 }) });
  });
});

describe('crash resume', () => {
  it('replays recorded steps: completed nodes do not run again', async () => {
    const h = createHarness();
    let bStarted: StepRecord | undefined;
    const full = await h.run(loadWorkflow(linear), {
      executionId: 'exec-x',
      start,
      onStep: (step) => void (step.nodeId === 'b' && step.status === 'running' && (bStarted = step)),
    });
    // the process died while B was running (long enough for its start to be written): the
    // journal holds trigger and A done, B started
    const recorded = h.journal.steps('exec-x').filter((s) => s.nodeId === 'trigger' || s.nodeId === 'a');
    expect(bStarted?.status).toBe('running');
    const fresh = createHarness();
    const resumed = await fresh.run(loadWorkflow(linear), {
      executionId: 'exec-x',
      start,
      priorSteps: [...recorded, ...(bStarted ? [bStarted] : [])],
    });
    expect(resumed.status).toBe('success');
    expect(fresh.counters.calls.get('a')).toBeUndefined();
    expect(fresh.counters.calls.get('b')).toBe(1);
    expect(fresh.counters.calls.get('c')).toBe(1);
    expect(resumed.lastNode).toEqual(full.lastNode);
    // replayed steps of the same execution are not written again
    expect(fresh.journal.steps().map((s) => s.nodeId)).toEqual(['b', 'c']);
  });

  it('re-runs a step whose stored data was truncated', async () => {
    const h = createHarness();
    await h.run(loadWorkflow(linear), { executionId: 'exec-t', start });
    const recorded = h.journal.steps('exec-t').map((s) => (s.nodeId === 'a' ? { ...s, truncated: true } : s));
    const fresh = createHarness();
    await fresh.run(loadWorkflow(linear), { executionId: 'exec-t', start, priorSteps: recorded });
    expect(fresh.counters.calls.get('a')).toBe(1);
  });
});

describe('durable waits', () => {
  it('pauses, runs independent branches, and resumes once the wait is due', async () => {
    const h = createHarness();
    const wf = loadWorkflow(wait);
    const first = await h.run(wf, { executionId: 'exec-w', start });
    expect(first.status).toBe('waiting');
    expect(first.waitUntil).toBe('2025-01-02T00:00:00.000Z');
    expect(h.counters.calls.get('c')).toBe(1);
    expect(h.counters.calls.get('b')).toBeUndefined();
    const waitStep = h.journal.steps('exec-w').find((s) => s.nodeId === 'wait');
    expect(waitStep).toMatchObject({ status: 'waiting', waitUntil: '2025-01-02T00:00:00.000Z' });

    // woken too early: still waiting, nothing runs again
    const early = await h.run(wf, { executionId: 'exec-w', start, priorSteps: h.journal.steps('exec-w') });
    expect(early).toMatchObject({ status: 'waiting', waitUntil: '2025-01-02T00:00:00.000Z' });
    expect(h.counters.calls.get('wait')).toBe(1);

    h.clock.advance(24 * 3600_000);
    const resumed = await h.run(wf, { executionId: 'exec-w', start, priorSteps: h.journal.steps('exec-w') });
    expect(resumed.status).toBe('success');
    expect(h.counters.calls.get('a')).toBe(1);
    expect(h.counters.calls.get('c')).toBe(1);
    expect(h.counters.calls.get('wait')).toBe(1);
    expect(h.counters.calls.get('b')).toBe(1);
    expect(resumed.lastNode?.items[0]?.json).toEqual({ id: 7, followedUp: true });
    expect(h.journal.steps('exec-w').find((s) => s.nodeId === 'wait')?.status).toBe('success');
  });
});

describe('data cap', () => {
  it('stores cut steps above maxExecutionDataBytes while the execution continues in full', async () => {
    const h = createHarness();
    h.deps.limits = { maxExecutionDataBytes: 20_000 };
    const big = Array.from({ length: 300 }, (_, i) => ({ json: { i, text: 'x'.repeat(100) } }));
    const result = await h.run(loadWorkflow(linear), { start: { nodeId: 'trigger', items: big } });
    expect(result.status).toBe('success');
    expect(result.truncated).toBe(true);
    expect(result.dataBytes).toBeLessThanOrEqual(20_000);
    expect(result.lastNode?.items).toHaveLength(300);
    expect(result.lastNode?.items[299]?.json).toMatchObject({ i: 299, a: 1, b: 2, c: 3 });
    const c = h.journal.steps().find((s) => s.nodeId === 'c');
    expect(c?.truncated).toBe(true);
    const stored = c?.output?.['main'] ?? [];
    expect(stored.length).toBeLessThan(300);
    expect(stored.at(-1)?.json).toMatchObject({ __truncated: true });
  });

  it('stores everything below the cap and reports the bytes', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(linear), { start });
    expect(result.truncated).toBe(false);
    expect(result.dataBytes).toBeGreaterThan(0);
    expect(h.journal.steps().some((s) => s.truncated)).toBe(false);
  });
});
