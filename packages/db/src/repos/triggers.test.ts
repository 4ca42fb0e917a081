import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '@shopwire/sdk';
import { forEachDialect, tempStore, type TempStore } from '../test-helpers.js';

forEachDialect('triggers', (dialect) => {
  let t: TempStore;
  afterEach(() => t.cleanup());

  const hook = (workflowId: string, nodeId: string, path: string, method = 'POST') => ({
    workflowId,
    nodeId,
    method,
    path,
    projectId: 'default',
  });

  describe('webhooks', () => {
    it('replaces registrations of a workflow and rejects a path taken by another workflow', async () => {
      t = await tempStore({ dialect });
      await t.store.webhooks.replaceForWorkflow('wf_a', [
        hook('wf_a', 'h1', 'orders'),
        hook('wf_a', 'h2', 'orders', 'get'),
      ]);
      await t.store.webhooks.replaceForWorkflow('wf_b', [hook('wf_b', 'h1', '/refunds')]);
      expect(
        (await t.store.webhooks.all()).map((w) => `${w.workflowId} ${w.method} ${w.path}`).sort(),
      ).toEqual(['wf_a GET orders', 'wf_a POST orders', 'wf_b POST refunds']);

      const clash = t.store.webhooks.replaceForWorkflow('wf_b', [
        hook('wf_b', 'h9', 'refunds'),
        hook('wf_b', 'h7', 'orders'),
      ]);
      await expect(clash).rejects.toBeInstanceOf(ValidationError);
      await expect(clash).rejects.toMatchObject({
        field: 'nodes.h7.params.path',
        message: expect.stringContaining('path "orders" is already used by workflow wf_a'),
      });
      // the failed replace changed nothing
      expect(
        (await t.store.webhooks.all()).filter((w) => w.workflowId === 'wf_b').map((w) => w.nodeId),
      ).toEqual(['h1']);

      // same workflow may re-register its own paths; DELETE on the same path is a different route
      await t.store.webhooks.replaceForWorkflow('wf_a', [hook('wf_a', 'h1', 'orders')]);
      await t.store.webhooks.replaceForWorkflow('wf_b', [hook('wf_b', 'h1', 'orders', 'DELETE')]);
      await expect(
        t.store.webhooks.replaceForWorkflow('wf_c', [hook('wf_c', 'x', 'a'), hook('wf_c', 'y', 'a')]),
      ).rejects.toMatchObject({
        field: 'nodes.y.params.path',
      });

      await t.store.webhooks.removeForWorkflow('wf_a');
      expect((await t.store.webhooks.all()).map((w) => w.workflowId)).toEqual(['wf_b']);
      await t.store.webhooks.replaceForWorkflow('wf_b', []);
      expect(await t.store.webhooks.all()).toEqual([]);
    });
  });

  describe('schedules', () => {
    const schedule = (nodeId: string, cron: string | null = '*/5 * * * *') => ({
      workflowId: 'wf_a',
      nodeId,
      projectId: 'default',
      cron,
      intervalMs: cron ? null : 60_000,
      timezone: 'Europe/Berlin',
    });

    it('replaceForWorkflow keeps lastTickAt of schedules that stay', async () => {
      t = await tempStore({ dialect });
      await t.store.schedules.replaceForWorkflow('wf_a', [schedule('s1'), schedule('s2', null)]);
      expect(await t.store.schedules.claimTick('wf_a', 's1', '2026-01-01T00:05:00.000Z')).toBe(true);
      await t.store.schedules.replaceForWorkflow('wf_a', [schedule('s1', '0 * * * *')]);
      expect(await t.store.schedules.all()).toEqual([
        { ...schedule('s1', '0 * * * *'), lastTickAt: '2026-01-01T00:05:00.000Z' },
      ]);
      await expect(
        t.store.schedules.replaceForWorkflow('wf_a', [{ ...schedule('s3'), cron: null }]),
      ).rejects.toThrow(ValidationError);
      await t.store.schedules.removeForWorkflow('wf_a');
      expect(await t.store.schedules.all()).toEqual([]);
    });

    it('claimTick records each tick exactly once, across processes', async () => {
      t = await tempStore({ dialect });
      const other = await t.openOther();
      try {
        await t.store.schedules.replaceForWorkflow('wf_a', [schedule('s1')]);
        const tick1 = '2026-01-01T00:05:00.000Z';
        const results = await Promise.all([
          t.store.schedules.claimTick('wf_a', 's1', tick1),
          other.schedules.claimTick('wf_a', 's1', tick1),
          t.store.schedules.claimTick('wf_a', 's1', tick1),
          other.schedules.claimTick('wf_a', 's1', tick1),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await other.schedules.claimTick('wf_a', 's1', '2026-01-01T00:00:00.000Z')).toBe(false); // older tick
        expect(await other.schedules.claimTick('wf_a', 's1', '2026-01-01T00:10:00.000Z')).toBe(true);
        expect(await t.store.schedules.claimTick('wf_a', 's1', '2026-01-01T00:10:00.000Z')).toBe(false);
        expect(await t.store.schedules.claimTick('wf_a', 'unknown', '2026-01-01T00:10:00.000Z')).toBe(false);
      } finally {
        await other.close();
      }
    });
  });
});
