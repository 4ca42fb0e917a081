import { afterEach, describe, expect, it } from 'vitest';
import type { ExecutionStatus } from '@shopwire/sdk';
import { forEachDialect, newExecution, tempStore, type TempStore } from '../test-helpers.js';

forEachDialect('execution-prune', (dialect) => {
  let t: TempStore;
  let clockMs = 0;
  afterEach(() => t.cleanup());

  const DAY = 86_400_000;

  async function seed(
    store: TempStore['store'],
    spec: { workflowId: string; status: ExecutionStatus; ageDays: number }[],
  ) {
    const ids: string[] = [];
    for (const s of spec) {
      clockMs = Date.parse('2026-06-30T00:00:00.000Z') - s.ageDays * DAY;
      const ex = await store.executions.create(newExecution({ workflowId: s.workflowId }));
      await store.journal.stepFinished({
        executionId: ex.id,
        nodeId: 'hook',
        nodeName: 'Webhook',
        runIndex: 0,
        status: 'success',
        startedAt: ex.createdAt,
      });
      if (s.status !== 'queued') await store.executions.update(ex.id, { status: s.status });
      ids.push(ex.id);
    }
    return ids;
  }

  describe('executions.prune', () => {
    const now = '2026-06-30T00:00:00.000Z';

    it('deletes finished executions older than maxAgeMs, in batches, with their steps', async () => {
      t = await tempStore({ dialect, now: () => new Date(clockMs) });
      const old = await seed(
        t.store,
        Array.from({ length: 7 }, (_, i) => ({
          workflowId: 'wf_a',
          status: (['success', 'error', 'canceled', 'crashed'] as const)[i % 4]!,
          ageDays: 40 + i,
        })),
      );
      const oldRunning = await seed(t.store, [
        { workflowId: 'wf_a', status: 'running', ageDays: 50 },
        { workflowId: 'wf_a', status: 'waiting', ageDays: 50 },
        { workflowId: 'wf_a', status: 'queued', ageDays: 50 },
      ]);
      const recent = await seed(t.store, [{ workflowId: 'wf_a', status: 'success', ageDays: 1 }]);

      const deleted = await t.store.executions.prune(
        { maxAgeMs: 30 * DAY, maxCount: 1000, batchSize: 2 },
        now,
      );
      expect(deleted).toBe(7);
      for (const id of old) {
        expect(await t.store.executions.get(id)).toBeUndefined();
        expect(await t.store.executions.steps(id)).toEqual([]);
        expect(await t.store.executions.getRunInput(id)).toBeUndefined();
      }
      for (const id of [...oldRunning, ...recent]) {
        expect(await t.store.executions.get(id)).toBeDefined();
        expect(await t.store.executions.steps(id)).toHaveLength(1);
      }
      expect(await t.store.executions.prune({ maxAgeMs: 30 * DAY, maxCount: 1000 }, now)).toBe(0);
    });

    it('keeps only the newest maxCount finished executions per workflow', async () => {
      t = await tempStore({ dialect, now: () => new Date(clockMs) });
      const a = await seed(
        t.store,
        Array.from({ length: 6 }, (_, i) => ({
          workflowId: 'wf_a',
          status: 'success' as const,
          ageDays: 6 - i,
        })),
      );
      const aLive = await seed(t.store, [{ workflowId: 'wf_a', status: 'running', ageDays: 10 }]);
      const b = await seed(
        t.store,
        Array.from({ length: 2 }, (_, i) => ({
          workflowId: 'wf_b',
          status: 'error' as const,
          ageDays: 9 - i,
        })),
      );

      const deleted = await t.store.executions.prune({ maxAgeMs: 365 * DAY, maxCount: 2, batchSize: 1 }, now);
      expect(deleted).toBe(4);
      const remaining = (await t.store.executions.list({ limit: 250 })).items.map((e) => e.id).sort();
      expect(remaining).toEqual([a[4]!, a[5]!, ...aLive, ...b].sort());
    });
  });
});
