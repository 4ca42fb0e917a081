import { describe, expect, it } from 'vitest';
import {
  resolveStepRefs,
  type ExecutionJournal,
  type Item,
  type StepJson,
  type StepRecord,
} from '@shopwire/sdk';
import linear from './fixtures/linear.json' with { type: 'json' };
import { START_WRITE_DELAY_MS } from './step-recorder.js';
import { createHarness, items, loadWorkflow } from './test-support/harness.js';

const start = { nodeId: 'trigger', items: items({ id: 7 }) };

async function waitUntil<T>(check: () => T | undefined, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

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

  it("writes a repeatable run's start only if it is still running after START_WRITE_DELAY_MS", async () => {
    const h = createHarness();
    const slowMs = START_WRITE_DELAY_MS + 150;
    const wf = loadWorkflow({
      schemaVersion: 1,
      name: 'fast then slow',
      nodes: [
        { id: 'trigger', name: 'Trigger', type: 'test.trigger' },
        { id: 'fast', name: 'Fast', type: 'test.delay', params: { ms: 1 } },
        { id: 'slow', name: 'Slow', type: 'test.delay', params: { ms: slowMs } },
      ],
      connections: [
        { from: { node: 'trigger' }, to: { node: 'fast' } },
        { from: { node: 'fast' }, to: { node: 'slow' } },
      ],
    });
    let slowStartedAt = 0;
    const run = h.run(wf, {
      onStep: (step) =>
        void (step.nodeId === 'slow' && step.status === 'running' && (slowStartedAt = Date.now())),
    });
    await new Promise((resolve) => setTimeout(resolve, START_WRITE_DELAY_MS / 2));
    // the slow run is going, its start not written yet
    expect(slowStartedAt).toBeGreaterThan(0);
    expect(h.journal.events.filter((e) => e.step.nodeId === 'slow')).toEqual([]);
    const started = await waitUntil(() => h.journal.events.find((e) => e.step.nodeId === 'slow'));
    expect(started).toMatchObject({ kind: 'started', step: { status: 'running' } });
    expect(Date.now() - slowStartedAt).toBeGreaterThanOrEqual(START_WRITE_DELAY_MS - 5);
    expect((await run).status).toBe('success');
    expect(h.journal.events.map((e) => `${e.step.nodeId}:${e.kind}`)).toEqual([
      'trigger:finished',
      'fast:finished',
      'slow:started',
      'slow:finished',
    ]);
    // the one row of a fast run holds its input as well as its output
    expect(h.journal.finished('fast')[0]).toMatchObject({ input: [[{ json: {} }]], status: 'success' });
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

  /** what a SQL journal stores: the last write's JSON text per node run, read back like a store */
  function textJournal() {
    const rows = new Map<string, { step: StepRecord; input?: string; output?: string }>();
    const writes: { node: string; status: string; input: string | undefined }[] = [];
    const write = async (step: StepRecord, json?: StepJson) => {
      writes.push({
        node: step.nodeId,
        status: step.status,
        input: json?.input ?? (step.input && JSON.stringify(step.input)),
      });
      const key = `${step.nodeId}/${step.runIndex}`;
      const before = rows.get(key);
      rows.set(key, {
        step,
        input: json?.input ?? before?.input ?? (step.input && JSON.stringify(step.input)),
        output: json?.output ?? (step.output && JSON.stringify(step.output)),
      });
    };
    const journal: ExecutionJournal = { stepStarted: write, stepFinished: write };
    /** `startItems`: what the store keeps with the execution */
    const readBack = (startItems: Item[]) =>
      resolveStepRefs(
        [...rows.values()].map(({ step, input, output }) => ({
          ...step,
          ...(input === undefined ? {} : { input: JSON.parse(input) as StepRecord['input'] }),
          ...(output === undefined ? {} : { output: JSON.parse(output) as StepRecord['output'] }),
        })),
        structuredClone(startItems),
      );
    return { journal, rows, writes, readBack };
  }

  it('stores each list once: inputs point at the output they are, and read back whole', async () => {
    const { journal, rows, writes, readBack } = textJournal();
    const h = createHarness({ journal });
    const many = Array.from({ length: 50 }, (_, i) => ({ json: { i, text: 'x'.repeat(40) } }));
    const result = await h.run(loadWorkflow(linear), { start: { nodeId: 'trigger', items: many } });
    expect(result.status).toBe('success');
    // the start items are stored with the execution: the trigger's input, its output (it passes
    // them on) and A's input point at that copy
    const atStart = '{"$ref":{"start":true}}';
    // (one write: the trigger finished before its start was due, so the finished row has it all)
    expect(writes.filter((w) => w.node === 'trigger')).toEqual([
      { node: 'trigger', status: 'success', input: `[${atStart}]` },
    ]);
    expect(rows.get('trigger/0')).toMatchObject({ input: `[${atStart}]`, output: `{"main":${atStart}}` });
    expect(rows.get('a/0')?.input).toBe(`[${atStart}]`);
    expect(rows.get('c/0')?.input).toBe('[{"$ref":{"node":"b","run":0,"output":"main"}}]');
    // the inputs are four short references instead of four copies of the items
    const inputText = [...rows.values()].reduce((n, r) => n + (r.input?.length ?? 0), 0);
    expect(inputText).toBeLessThan(300);
    const steps = readBack(many);
    const byNode = new Map(steps.map((s) => [s.nodeId, s]));
    expect(byNode.get('trigger')?.input).toEqual([many]);
    expect(byNode.get('trigger')?.output).toEqual({ main: many });
    expect(byNode.get('a')?.input).toEqual([many]);
    expect(byNode.get('c')?.input).toEqual([byNode.get('b')?.output?.['main']]);
    expect(byNode.get('c')?.input?.[0]?.[49]?.json).toMatchObject({ i: 49, a: 1, b: 2 });
    expect(steps.some((s) => s.truncated)).toBe(false);
  });

  it('never points at an output that was stored cut', async () => {
    const { journal, rows, readBack } = textJournal();
    const h = createHarness({ journal });
    // ~37 KB per list: A's output fits, B's is cut (the trigger's are references to the start)
    h.deps.limits = { maxExecutionDataBytes: 60_000 };
    const big = Array.from({ length: 300 }, (_, i) => ({ json: { i, text: 'x'.repeat(100) } }));
    const result = await h.run(loadWorkflow(linear), { start: { nodeId: 'trigger', items: big } });
    expect(result.truncated).toBe(true);
    expect(rows.get('b/0')?.input).toBe('[{"$ref":{"node":"a","run":0,"output":"main"}}]');
    expect(rows.get('b/0')?.step.truncated).toBe(true);
    expect(rows.get('c/0')?.input).not.toContain('$ref');
    for (const [key, row] of rows) {
      for (const ref of row.input?.matchAll(/"node":"(\w+)"/g) ?? []) {
        const target = [...rows.entries()].find(([k]) => k.startsWith(`${ref[1]}/`))?.[1];
        expect({ key, pointsAtCut: target?.step.truncated === true }).toEqual({ key, pointsAtCut: false });
      }
    }
    for (const step of readBack(big))
      for (const list of step.input ?? []) expect(Array.isArray(list)).toBe(true);
  });

  it('stores a list a node passes on unchanged as a reference to where its items are', async () => {
    const { journal, rows, readBack } = textJournal();
    const h = createHarness({ journal });
    const wf = loadWorkflow(linear, (doc) => {
      const nodes = doc['nodes'] as { id: string; type: string; params?: unknown }[];
      for (const node of nodes.filter((n) => n.id === 'b' || n.id === 'c')) {
        node.type = 'test.passthrough';
        delete node.params;
      }
    });
    const many = Array.from({ length: 20 }, (_, i) => ({ json: { i } }));
    const result = await h.run(wf, { start: { nodeId: 'trigger', items: many } });
    expect(result.status).toBe('success');
    // A changed the items (stored in full); B and C pass A's list on: both point at A, no chain
    const atA = '{"$ref":{"node":"a","run":0,"output":"main"}}';
    expect(rows.get('a/0')?.output).toContain('"a":1');
    expect(rows.get('b/0')).toMatchObject({ input: `[${atA}]`, output: `{"main":${atA}}` });
    expect(rows.get('c/0')).toMatchObject({ input: `[${atA}]`, output: `{"main":${atA}}` });
    const steps = new Map(readBack(many).map((s) => [s.nodeId, s]));
    const fromA = steps.get('a')?.output?.['main'];
    expect(fromA).toHaveLength(20);
    expect(steps.get('c')?.output?.['main']).toEqual(fromA);
    expect(steps.get('c')?.input).toEqual([fromA]);
    expect([...steps.values()].some((s) => s.truncated)).toBe(false);
  });
});
