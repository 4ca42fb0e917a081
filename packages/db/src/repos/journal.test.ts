import { afterEach, describe, expect, it } from 'vitest';
import type { StepRecord } from '@shopwire/sdk';
import { forEachDialect, newExecution, tempStore, type TempStore } from '../test-helpers.js';

forEachDialect('journal', (dialect) => {
  let t: TempStore;
  afterEach(() => t.cleanup());

  const step = (executionId: string, over: Partial<StepRecord> = {}): StepRecord => ({
    executionId,
    nodeId: 'set',
    nodeName: 'Set',
    runIndex: 0,
    status: 'running',
    startedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  });

  describe('journal', () => {
    it("a node run again does not keep the previous attempt's error or output", async () => {
      t = await tempStore({ dialect });
      const ex = await t.store.executions.create(newExecution());
      const error = { code: 'NETWORK_DOWN', message: 'connect ECONNREFUSED' };
      await t.store.journal.stepStarted(step(ex.id, { input: [[{ json: { a: 1 } }]] }));
      await t.store.journal.stepFinished(
        step(ex.id, {
          status: 'waiting',
          error,
          runState: { tries: 1 },
          waitUntil: '2026-01-01T00:01:00.000Z',
        }),
      );
      // resumed: the same node run starts again (input only) and succeeds
      await t.store.journal.stepStarted(step(ex.id, { input: [[{ json: { a: 1 } }]] }));
      expect((await t.store.executions.steps(ex.id))[0]).toMatchObject({
        status: 'running',
        runState: { tries: 1 },
      });
      expect((await t.store.executions.steps(ex.id))[0]?.error).toBeUndefined();
      await t.store.journal.stepFinished(
        step(ex.id, {
          status: 'success',
          output: { main: [{ json: { ok: true } }] },
          finishedAt: '2026-01-01T00:01:01.000Z',
        }),
      );
      const [row] = await t.store.executions.steps(ex.id);
      expect(row).toMatchObject({
        status: 'success',
        input: [[{ json: { a: 1 } }]],
        output: { main: [{ json: { ok: true } }] },
      });
      expect(row?.error).toBeUndefined();
    });

    it('stepStarted then stepFinished upserts one row and keeps payloads a later write leaves out', async () => {
      t = await tempStore({ dialect });
      const ex = await t.store.executions.create(newExecution());
      await t.store.journal.stepStarted(step(ex.id, { input: [[{ json: { a: 1 } }]] }));
      await t.store.journal.stepFinished(
        step(ex.id, {
          status: 'success',
          finishedAt: '2026-01-01T00:00:01.000Z',
          output: { main: [{ json: { b: 2 } }] },
          logs: [{ level: 'info', message: 'hi', at: '2026-01-01T00:00:00.500Z' }],
          runState: { i: 3 },
          pinned: true,
        }),
      );
      await t.store.journal.stepStarted(step(ex.id, { runIndex: 1, startedAt: '2026-01-01T00:00:02.000Z' }));
      await t.store.journal.stepFinished(
        step(ex.id, {
          nodeId: 'wait',
          nodeName: 'Wait',
          status: 'waiting',
          startedAt: '2026-01-01T00:00:03.000Z',
          waitUntil: '2026-01-02T00:00:00.000Z',
        }),
      );
      const steps = await t.store.executions.steps(ex.id);
      expect(steps).toEqual([
        {
          executionId: ex.id,
          nodeId: 'set',
          nodeName: 'Set',
          runIndex: 0,
          status: 'success',
          startedAt: '2026-01-01T00:00:00.000Z',
          finishedAt: '2026-01-01T00:00:01.000Z',
          input: [[{ json: { a: 1 } }]],
          output: { main: [{ json: { b: 2 } }] },
          logs: [{ level: 'info', message: 'hi', at: '2026-01-01T00:00:00.500Z' }],
          runState: { i: 3 },
          pinned: true,
        },
        {
          executionId: ex.id,
          nodeId: 'set',
          nodeName: 'Set',
          runIndex: 1,
          status: 'running',
          startedAt: '2026-01-01T00:00:02.000Z',
        },
        {
          executionId: ex.id,
          nodeId: 'wait',
          nodeName: 'Wait',
          runIndex: 0,
          status: 'waiting',
          startedAt: '2026-01-01T00:00:03.000Z',
          waitUntil: '2026-01-02T00:00:00.000Z',
        },
      ]);
    });

    it('stores an input that points at an earlier output once, and reads it back as items', async () => {
      t = await tempStore({ dialect });
      const ex = await t.store.executions.create(newExecution());
      const lines = [{ json: { sku: 'A', qty: 2 } }, { json: { sku: 'B', qty: 1 } }];
      const done = { status: 'success' as const, finishedAt: '2026-01-01T00:00:01.000Z' };
      await t.store.journal.stepFinished(
        step(ex.id, { nodeId: 'hook', nodeName: 'Hook', ...done, input: [lines], output: { main: lines } }),
        {
          input: '[{"$ref":{"node":"hook","run":0,"output":"main"}}]',
          output: JSON.stringify({ main: lines }),
        },
      );
      await t.store.journal.stepFinished(step(ex.id, { ...done, input: [lines, []], output: { main: [] } }), {
        input: '[{"$ref":{"node":"hook","run":0,"output":"main"}},[]]',
        output: '{"main":[]}',
      });
      // a reference to a step that was never stored (not written by the engine) reads as cut
      await t.store.journal.stepFinished(
        step(ex.id, { nodeId: 'odd', nodeName: 'Odd', ...done, input: [] }),
        {
          input: '[{"$ref":{"node":"gone","run":0,"output":"main"}}]',
        },
      );
      const steps = await t.store.executions.steps(ex.id);
      expect(steps.map((s) => [s.nodeId, s.input, s.truncated])).toEqual([
        ['hook', [lines], undefined],
        ['set', [lines, []], undefined],
        ['odd', [[]], true],
      ]);
    });

    it("reads references to the start items back as the execution's start items", async () => {
      t = await tempStore({ dialect });
      const startItems = [{ json: { order: 1, lines: [{ sku: 'A' }] } }];
      const ex = await t.store.executions.create(newExecution({ startItems }));
      const done = { status: 'success' as const, finishedAt: '2026-01-01T00:00:01.000Z' };
      await t.store.journal.stepFinished(
        step(ex.id, {
          nodeId: 'hook',
          nodeName: 'Hook',
          ...done,
          input: [startItems],
          output: { main: startItems },
        }),
        { input: '[{"$ref":{"start":true}}]', output: '{"main":{"$ref":{"start":true}}}' },
      );
      const [hook] = await t.store.executions.steps(ex.id);
      expect(hook).toMatchObject({ input: [startItems], output: { main: startItems } });
      expect(hook?.truncated).toBeUndefined();
    });

    it('steps with the same startedAt come back in the order they were recorded', async () => {
      t = await tempStore({ dialect });
      const ex = await t.store.executions.create(newExecution());
      for (const nodeId of ['z', 'a', 'm']) await t.store.journal.stepStarted(step(ex.id, { nodeId }));
      expect((await t.store.executions.steps(ex.id)).map((s) => s.nodeId)).toEqual(['z', 'a', 'm']);
    });

    it('group commit: 1,000 concurrent writes take far fewer transactions, all readable once resolved', async () => {
      t = await tempStore({ dialect });
      const executions = await Promise.all(
        Array.from({ length: 10 }, () => t.store.executions.create(newExecution())),
      );
      const before = t.store.stats();
      await Promise.all(
        Array.from({ length: 1000 }, (_, i) =>
          t.store.journal.stepStarted(
            step(executions[i % 10]!.id, { nodeId: `n${i}`, input: [[{ json: { i } }]] }),
          ),
        ),
      );
      const after = t.store.stats();
      expect(after.writes - before.writes).toBe(1000);
      const transactions = after.transactions - before.transactions;
      expect(transactions).toBeGreaterThanOrEqual(1);
      expect(transactions).toBeLessThanOrEqual(10);
      const counts = await Promise.all(
        executions.map(async (e) => (await t.store.executions.steps(e.id)).length),
      );
      expect(counts).toEqual(Array(10).fill(100));
    });

    it('a failing write in a batch fails alone; its neighbours commit', async () => {
      t = await tempStore({ dialect });
      const ex = await t.store.executions.create(newExecution());
      const results = await Promise.allSettled([
        t.store.journal.stepStarted(step(ex.id, { nodeId: 'ok1' })),
        t.store.journal.stepStarted(step('ex_does_not_exist', { nodeId: 'bad' })),
        t.store.journal.stepStarted(step(ex.id, { nodeId: 'ok2' })),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/foreign key/i);
      expect((await t.store.executions.steps(ex.id)).map((s) => s.nodeId).sort()).toEqual(['ok1', 'ok2']);
    });
  });

  describe('nodeState', () => {
    it('stores JSON per workflow, node and key and overwrites', async () => {
      t = await tempStore({ dialect });
      expect(await t.store.nodeState.get('wf_1', 'poll', 'seen')).toBeUndefined();
      await t.store.nodeState.set('wf_1', 'poll', 'seen', ['a', 'b']);
      await t.store.nodeState.set('wf_1', 'poll', 'cursor', null);
      await t.store.nodeState.set('wf_1', 'poll', 'seen', { last: 'c' });
      expect(await t.store.nodeState.get('wf_1', 'poll', 'seen')).toEqual({ last: 'c' });
      expect(await t.store.nodeState.get('wf_1', 'poll', 'cursor')).toBeNull();
      expect(await t.store.nodeState.get('wf_2', 'poll', 'seen')).toBeUndefined();
    });

    it('a run that finishes before its start is committed is written once, keeping its start order', async () => {
      t = await tempStore({ dialect });
      const ex = await t.store.executions.create(newExecution());
      const before = t.store.stats().writes;
      const first = t.store.journal.stepStarted(step(ex.id, { nodeId: 'a', input: [[{ json: { a: 1 } }]] }));
      const other = t.store.journal.stepStarted(step(ex.id, { nodeId: 'b' }));
      const done = t.store.journal.stepFinished(
        step(ex.id, {
          nodeId: 'a',
          status: 'success',
          input: [[{ json: { a: 1 } }]],
          output: { main: [{ json: { a: 2 } }] },
        }),
      );
      await Promise.all([first, other, done]);
      expect(t.store.stats().writes - before).toBe(2);
      const steps = await t.store.executions.steps(ex.id);
      expect(steps.map((s) => [s.nodeId, s.status])).toEqual([
        ['a', 'success'],
        ['b', 'running'],
      ]);
      expect(steps[0]?.output).toEqual({ main: [{ json: { a: 2 } }] });
    });
  });
});
