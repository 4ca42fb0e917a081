import { describe, expect, it } from 'vitest';
import onError from './fixtures/on-error.json' with { type: 'json' };
import retry from './fixtures/retry.json' with { type: 'json' };
import slow from './fixtures/slow.json' with { type: 'json' };
import { createHarness, items, loadWorkflow } from './test-support/harness.js';

type Doc = Record<string, unknown>;
const patchNode = (id: string, patch: Record<string, unknown>) => (doc: Doc) => {
  const nodes = doc['nodes'] as Record<string, unknown>[];
  const node = nodes.find((n) => n['id'] === id);
  if (node) Object.assign(node, patch);
};

describe('retries', () => {
  it('retries with exponential backoff through the clock and keeps the idempotency key', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(retry), { executionId: 'exec-r' });
    expect(result.status).toBe('success');
    expect(h.counters.calls.get('flaky')).toBe(3);
    expect(h.clock.sleeps).toEqual([20, 40]);
    expect(result.lastNode?.items[0]?.json).toMatchObject({ attempts: 3, key: 'exec-r:flaky:0:0' });
    // one step for the whole node run, with the retries in its logs
    const steps = h.journal.finished('flaky');
    expect(steps).toHaveLength(1);
    expect(steps[0]?.logs?.filter((l) => l.level === 'warn')).toHaveLength(2);
  });

  it('uses fixed waits with backoff fixed', async () => {
    const h = createHarness();
    const started = performance.now();
    await h.run(
      loadWorkflow(retry, patchNode('flaky', { retry: { maxTries: 3, waitMs: 30, backoff: 'fixed' } })),
    );
    expect(h.clock.sleeps).toEqual([30, 30]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('fails once the tries are used up', async () => {
    const h = createHarness();
    const result = await h.run(
      loadWorkflow(retry, patchNode('flaky', { retry: { maxTries: 2, waitMs: 1, backoff: 'fixed' } })),
    );
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'FLAKY', nodeId: 'flaky', nodeName: 'Flaky' });
    expect(h.counters.calls.get('flaky')).toBe(2);
  });

  it('does not retry validation errors', async () => {
    const h = createHarness();
    const wf = loadWorkflow(
      retry,
      patchNode('flaky', {
        type: 'test.context',
        params: {},
        credentials: {},
        retry: { maxTries: 5, waitMs: 1, backoff: 'fixed' },
      }),
    );
    const result = await h.run(wf);
    expect(result.error).toMatchObject({ code: 'VALIDATION', field: 'credentials.api', nodeId: 'flaky' });
    expect(h.counters.calls.get('flaky')).toBe(1);
    expect(h.clock.sleeps).toEqual([]);
  });
});

describe('onError', () => {
  const two = { start: { nodeId: 'trigger', items: items({ id: 1 }, { id: 2 }) } };

  it('stop: the execution fails with the node error', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(onError), two);
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({
      code: 'BOOM',
      message: 'card declined',
      nodeId: 'fail',
      nodeName: 'Charge card',
      itemIndex: 0,
    });
    expect(h.counters.calls.get('next')).toBeUndefined();
    expect(h.journal.finished('fail')[0]?.status).toBe('error');
  });

  it('continue: input items pass through with the error merged in', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(onError, patchNode('fail', { onError: 'continue' })), two);
    expect(result.status).toBe('success');
    expect(result.lastNode?.nodeId).toBe('next');
    expect(result.lastNode?.items.map((i) => i.json)).toEqual([
      { id: 1, error: { message: 'card declined' } },
      { id: 2, error: { message: 'card declined' } },
    ]);
    const step = h.journal.finished('fail')[0];
    expect(step?.status).toBe('success');
    expect(step?.error?.code).toBe('BOOM');
  });

  it('output: items go to the error output and main gets nothing', async () => {
    const h = createHarness();
    const wf = loadWorkflow(onError, (doc) => {
      patchNode('fail', { onError: 'output' })(doc);
      (doc['connections'] as unknown[]).push({
        from: { node: 'fail', output: 'error' },
        to: { node: 'handler' },
      });
    });
    const result = await h.run(wf, two);
    expect(result.status).toBe('success');
    expect(h.counters.calls.get('next')).toBeUndefined();
    expect(result.lastNode?.nodeId).toBe('handler');
    expect(result.lastNode?.items[1]?.json).toEqual({
      id: 2,
      error: { message: 'card declined', code: 'BOOM' },
    });
  });
});

describe('timeout and cancel', () => {
  it('aborts running nodes and fails with TIMEOUT', async () => {
    const h = createHarness();
    const started = performance.now();
    const result = await h.run(loadWorkflow(slow, (doc) => void (doc['settings'] = { timeoutMs: 50 })));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('TIMEOUT');
    expect(h.counters.calls.get('after')).toBeUndefined();
    expect(h.journal.finished('slow')[0]?.status).toBe('error');
  });

  it('cancels through the request signal', async () => {
    const h = createHarness();
    const controller = new AbortController();
    const pending = h.run(loadWorkflow(slow), { signal: controller.signal });
    await h.clock.sleep(30);
    controller.abort();
    const result = await pending;
    expect(result.status).toBe('canceled');
    expect(h.counters.calls.get('after')).toBeUndefined();
  });

  it('returns canceled at once for an already aborted signal', async () => {
    const h = createHarness();
    const result = await h.run(loadWorkflow(slow), { signal: AbortSignal.abort() });
    expect(result.status).toBe('canceled');
    expect(h.journal.events).toHaveLength(0);
  });
});
