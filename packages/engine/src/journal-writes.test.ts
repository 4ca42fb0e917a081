import { describe, expect, it } from 'vitest';
import type { ExecutionJournal, StepRecord } from '@shopwire/sdk';
import linear from './fixtures/linear.json' with { type: 'json' };
import { createHarness, items, loadWorkflow } from './test-support/harness.js';

const start = { nodeId: 'trigger', items: items({ id: 7 }) };

/** A journal whose commits wait until release(): what a slow group commit looks like to the engine. */
function heldJournal() {
  const held: { step: StepRecord; release: () => void }[] = [];
  const journal: ExecutionJournal = {
    stepStarted: (step) => new Promise<void>((release) => held.push({ step, release })),
    stepFinished: (step) => new Promise<void>((release) => held.push({ step, release })),
  };
  return { journal, held, releaseAll: () => held.forEach((h) => h.release()) };
}

describe('journal writes', () => {
  it('runs dependents without waiting for step commits, and returns only once every write committed', async () => {
    const { journal, held, releaseAll } = heldJournal();
    const h = createHarness({ journal });
    let settled = false;
    const run = h.run(loadWorkflow(linear), { start }).then((result) => ((settled = true), result));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // every node ran although no write has committed yet
    expect(h.counters.calls.get('c')).toBe(1);
    expect(held.filter((w) => w.step.status === 'success').map((w) => w.step.nodeId)).toEqual([
      'trigger',
      'a',
      'b',
      'c',
    ]);
    expect(settled).toBe(false);
    releaseAll();
    const result = await run;
    expect(result.status).toBe('success');
  });

  it('fails the execution when a step write fails, and launches nothing after it', async () => {
    const h = createHarness({
      journal: {
        stepStarted: async () => undefined,
        stepFinished: async (step) => {
          if (step.nodeId === 'a') throw new Error('disk full');
        },
      },
    });
    const result = await h.run(loadWorkflow(linear), { start });
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'JOURNAL_WRITE_FAILED', message: 'disk full' });
    expect(h.counters.calls.get('c') ?? 0).toBe(0);
  });
});
