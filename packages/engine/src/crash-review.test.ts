import { describe, expect, it } from 'vitest';
import type { ExecutionJournal, StepRecord } from '@shopwire/sdk';
import durableAction from './fixtures/durable-action.json' with { type: 'json' };
import { createHarness, items, loadWorkflow, type Harness } from './test-support/harness.js';

const start = { nodeId: 'trigger', items: items({ id: 7 }) };
const REVIEW_MESSAGE =
  '"Send SMS" may have run before the process stopped; it is not idempotent, so it was not repeated. ' +
  'Check the external system, then retry the execution to run it again.';

type Patch = (doc: Record<string, unknown>) => void;
const sendNode = (doc: Record<string, unknown>): Record<string, unknown> =>
  (doc['nodes'] as Record<string, unknown>[]).find((n) => n['id'] === 'send') as Record<string, unknown>;
const idempotent: Patch = (doc) => void (sendNode(doc)['params'] = { idempotent: true });

/** Runs the workflow, then returns the journal as a crash while "Send SMS" ran would leave it. */
async function crashedWhileSending(executionId: string, patch?: Patch) {
  const h = createHarness();
  const full = await h.run(loadWorkflow(durableAction, patch), { executionId, start });
  const done = h.journal.steps(executionId).filter((s) => s.nodeId === 'trigger' || s.nodeId === 'prepare');
  const sending = h.journal.events.find((e) => e.kind === 'started' && e.step.nodeId === 'send')?.step;
  expect(sending?.status).toBe('running');
  return { full, priorSteps: [...done, sending as StepRecord] };
}

describe('crash while a non-idempotent action ran', () => {
  it('flags the execution NEEDS_REVIEW and does not run the action again', async () => {
    const { priorSteps } = await crashedWhileSending('exec-c');
    const fresh = createHarness();
    const wf = loadWorkflow(durableAction);
    const resumed = await fresh.run(wf, { executionId: 'exec-c', start, priorSteps });
    expect(resumed.status).toBe('error');
    expect(resumed.error).toMatchObject({ code: 'NEEDS_REVIEW', nodeId: 'send', nodeName: 'Send SMS' });
    expect(resumed.error?.message).toBe(REVIEW_MESSAGE);
    expect(fresh.counters.calls.get('send') ?? 0).toBe(0);
    expect(fresh.counters.calls.get('after') ?? 0).toBe(0);
    expect(fresh.counters.calls.get('prepare') ?? 0).toBe(0); // replayed, not re-run
    const flagged = fresh.journal.steps('exec-c').find((s) => s.nodeId === 'send');
    expect(flagged).toMatchObject({ status: 'error', error: { code: 'NEEDS_REVIEW' } });

    // resumed again (the process died before it stored the status): still flagged, still not run
    const again = await fresh.run(wf, {
      executionId: 'exec-c',
      start,
      priorSteps: [...priorSteps.filter((s) => s.nodeId !== 'send'), flagged as StepRecord],
    });
    expect(again.error?.code).toBe('NEEDS_REVIEW');
    expect(fresh.counters.calls.get('send') ?? 0).toBe(0);
  });

  it.each(['continue', 'output'])(
    'onError "%s" and retries do not turn the flag into a continuation',
    async (onError) => {
      const patch: Patch = (doc) => {
        Object.assign(sendNode(doc), { onError, retry: { maxTries: 3, waitMs: 1 } });
      };
      const { priorSteps } = await crashedWhileSending('exec-o', patch);
      const fresh = createHarness();
      const resumed = await fresh.run(loadWorkflow(durableAction, patch), {
        executionId: 'exec-o',
        start,
        priorSteps,
      });
      expect(resumed.status).toBe('error');
      expect(resumed.error?.code).toBe('NEEDS_REVIEW');
      expect(fresh.counters.calls.get('send') ?? 0).toBe(0);
      expect(fresh.counters.calls.get('after') ?? 0).toBe(0);
    },
  );

  it('re-runs an idempotent action once, with the same idempotency key', async () => {
    const { full, priorSteps } = await crashedWhileSending('exec-i', idempotent);
    expect(full.lastNode?.items[0]?.json['key']).toBe('exec-i:send:0:0');
    const fresh = createHarness();
    const resumed = await fresh.run(loadWorkflow(durableAction, idempotent), {
      executionId: 'exec-i',
      start,
      priorSteps,
    });
    expect(resumed.status).toBe('success');
    expect(fresh.counters.calls.get('send')).toBe(1);
    expect(fresh.counters.calls.get('after')).toBe(1);
    expect(resumed.lastNode).toEqual(full.lastNode);
  });
});

describe("a non-idempotent action's start marker", () => {
  /** A journal whose `started` commits land 30 ms late, noting how often the node had run by then. */
  function slowStartJournal(h: Harness): ExecutionJournal {
    return {
      stepStarted: (step) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            h.counters.order.push(`committed:${step.nodeId}:ran=${h.counters.calls.get(step.nodeId) ?? 0}`);
            resolve();
          }, 30),
        ),
      stepFinished: async () => undefined,
    };
  }

  it('is durable before run() is entered; transforms do not wait for theirs', async () => {
    const h = createHarness();
    h.deps.journal = slowStartJournal(h);
    const result = await h.run(loadWorkflow(durableAction), { start });
    expect(result.status).toBe('success');
    const order = h.counters.order;
    // the transform did not wait: it finished before its start was even due to be written
    expect(h.counters.calls.get('prepare')).toBe(1);
    expect(order.some((entry) => entry.startsWith('committed:prepare'))).toBe(false);
    expect(order).toContain('committed:send:ran=0');
    expect(order.indexOf('committed:send:ran=0')).toBeLessThan(order.indexOf('run:send'));
  });

  it('is not waited for when the action is idempotent', async () => {
    const h = createHarness();
    h.deps.journal = slowStartJournal(h);
    await h.run(loadWorkflow(durableAction, idempotent), { start });
    expect(h.counters.order).toContain('committed:send:ran=1');
  });

  it('a start that cannot be recorded keeps the action from running', async () => {
    const h = createHarness({
      journal: {
        stepStarted: async (step) => {
          if (step.nodeId === 'send') throw new Error('disk full');
        },
        stepFinished: async () => undefined,
      },
    });
    const result = await h.run(loadWorkflow(durableAction), { start });
    expect(result.error).toMatchObject({ code: 'JOURNAL_WRITE_FAILED', message: 'disk full' });
    expect(h.counters.calls.get('send') ?? 0).toBe(0);
  });
});
