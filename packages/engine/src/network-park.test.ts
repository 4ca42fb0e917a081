import { describe, expect, it } from 'vitest';
import type { EngineLimits } from './types.js';
import network from './fixtures/network.json' with { type: 'json' };
import { createHarness, items, loadWorkflow, type Harness } from './test-support/harness.js';
import type { RunResult } from './types.js';

const start = { nodeId: 'trigger', items: items({ id: 7 }) };
const limits: EngineLimits = {
  networkRetryBaseMs: 1_000,
  networkRetryMaxMs: 60_000,
  networkRetryTotalMs: 3_600_000,
};

type Patch = (doc: Record<string, unknown>) => void;
const callNode = (doc: Record<string, unknown>): Record<string, unknown> =>
  (doc['nodes'] as Record<string, unknown>[]).find((n) => n['id'] === 'call') as Record<string, unknown>;
const call =
  (fields: Record<string, unknown>, params: Record<string, unknown> = {}): Patch =>
  (doc) => {
    const node = callNode(doc);
    Object.assign(node, fields);
    node['params'] = { ...(node['params'] as object), ...params };
  };

/** Wakes the parked execution when it is due (as the server's wait release does), until it ends. */
async function runToEnd(h: Harness, patch: Patch | undefined, executionId: string, maxWakes = 20) {
  const wf = loadWorkflow(network, patch);
  // the first run resumes whatever the journal already holds for this execution (maybe nothing)
  let result: RunResult = await h.run(wf, { executionId, start, priorSteps: h.journal.steps(executionId) });
  const delays: number[] = [];
  while (result.status === 'waiting' && delays.length < maxWakes) {
    const delay = Date.parse(result.waitUntil as string) - h.clock.now().getTime();
    delays.push(delay);
    h.clock.advance(Math.max(0, delay) + 1);
    result = await h.run(wf, { executionId, start, priorSteps: h.journal.steps(executionId) });
  }
  return { result, delays };
}

describe('NETWORK_DOWN parks the execution', () => {
  it('waits with growing backoff while nothing was sent, then continues once the call succeeds', async () => {
    const h = createHarness({ limits });
    const wf = loadWorkflow(network);
    const first = await h.run(wf, { executionId: 'exec-n', start });
    expect(first.status).toBe('waiting');
    const parked = h.journal.steps('exec-n').find((s) => s.nodeId === 'call');
    expect(parked).toMatchObject({
      status: 'waiting',
      waitUntil: first.waitUntil,
      error: { code: 'NETWORK_DOWN', sent: false, networkRetry: { attempts: 1 } },
    });
    expect(h.counters.calls.get('side')).toBe(1); // independent branches still ran

    // woken too early: still waiting, nothing runs
    const early = await h.run(wf, { executionId: 'exec-n', start, priorSteps: h.journal.steps('exec-n') });
    expect(early).toMatchObject({ status: 'waiting', waitUntil: first.waitUntil });
    expect(h.counters.calls.get('call')).toBe(1);

    const delay = Date.parse(first.waitUntil as string) - h.clock.now().getTime();
    h.clock.advance(delay + 1);
    const { result, delays } = await runToEnd(h, undefined, 'exec-n');
    // the first wake above is the second run: three failures in all, then success
    expect(result.status).toBe('success');
    expect(delays).toHaveLength(2);
    const all = [delay, ...delays];
    expect(all[0]).toBeGreaterThan(700);
    expect(all[0]).toBeLessThanOrEqual(1_000);
    expect(all[1]).toBeGreaterThan(all[0] as number);
    expect(all[2]).toBeGreaterThan(all[1] as number);
    expect(h.counters.calls.get('call')).toBe(4);
    expect(h.counters.calls.get('after')).toBe(1);
    expect(h.counters.calls.get('side')).toBe(1);
    // every attempt is the same node run: one idempotency key
    expect(result.lastNode?.items[0]?.json).toEqual({
      id: 7,
      calls: 4,
      key: 'exec-n:call:0:0',
      logged: true,
    });
    expect(h.journal.steps('exec-n').find((s) => s.nodeId === 'call')?.status).toBe('success');
  });

  it('parks after the node retry policy is used up, and keeps the count across resumes', async () => {
    const h = createHarness({ limits });
    const patch = call({ retry: { maxTries: 2, waitMs: 1, backoff: 'fixed' } });
    const first = await h.run(loadWorkflow(network, patch), { executionId: 'exec-r', start });
    expect(first.status).toBe('waiting');
    expect(h.counters.calls.get('call')).toBe(2);
    const { result } = await runToEnd(h, patch, 'exec-r');
    expect(result.status).toBe('success');
    expect(h.counters.calls.get('call')).toBe(4);
  });

  it('parks an idempotent call whose request may have been sent', async () => {
    const h = createHarness({ limits });
    const { result, delays } = await runToEnd(h, call({}, { sent: true, idempotent: true }), 'exec-s');
    expect(result.status).toBe('success');
    expect(delays).toHaveLength(3);
  });

  it('ignores onError: an outage is waited out, not continued past', async () => {
    const h = createHarness({ limits });
    const first = await h.run(loadWorkflow(network, call({ onError: 'continue' })), { start });
    expect(first.status).toBe('waiting');
    expect(h.counters.calls.get('after') ?? 0).toBe(0);
  });

  it('gives up after the total retry time with NETWORK_DOWN', async () => {
    const h = createHarness({ limits: { ...limits, networkRetryTotalMs: 10_000 } });
    const { result, delays } = await runToEnd(h, call({}, { failures: 1000 }), 'exec-g');
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({
      code: 'NETWORK_DOWN',
      nodeId: 'call',
      networkRetry: { attempts: delays.length + 1 },
    });
    expect(result.error?.message).toContain('gave up after');
    // 1 s, 2 s, 4 s, then the rest up to the 10 s deadline: no wait runs past it
    expect(delays.length).toBeGreaterThanOrEqual(3);
    expect(delays.length).toBeLessThanOrEqual(5);
    expect(h.counters.calls.get('after') ?? 0).toBe(0);
  });

  it('settings.networkRetry false fails at once, as any error', async () => {
    const h = createHarness({ limits });
    const optOut: Patch = (doc) => void (doc['settings'] = { networkRetry: false });
    const result = await h.run(loadWorkflow(network, optOut), { start });
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('NETWORK_DOWN');
    expect(h.counters.calls.get('call')).toBe(1);
  });
});

describe('NETWORK_DOWN after the request may have reached the server', () => {
  it.each([false, true])('flags a non-idempotent node NEEDS_REVIEW (error wrapped: %s)', async (wrap) => {
    const h = createHarness({ limits });
    const patch = call({ onError: 'continue' }, { sent: true, wrap });
    const result = await h.run(loadWorkflow(network, patch), { start });
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'NEEDS_REVIEW', nodeId: 'call', sent: true });
    expect(result.error?.message).toMatch(
      /^"Create order" may have reached the server before the network failed \(.*ECONNREFUSED.*\); it is not idempotent, so it was not repeated\./,
    );
    expect(h.counters.calls.get('call')).toBe(1);
    expect(h.counters.calls.get('after') ?? 0).toBe(0);
  });
});
