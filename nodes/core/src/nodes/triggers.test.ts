import { describe, expect, it } from 'vitest';
import { items, outputJson, runNode } from '@shopwire/testing';
import { errorTrigger } from './error-trigger.js';
import { executeWorkflowTrigger } from './execute-workflow-trigger.js';
import { manualTrigger } from './manual-trigger.js';
import { schedule } from './schedule.js';
import { webhook } from './webhook.js';

describe('trigger nodes', () => {
  it('manual trigger passes start items, or one empty item', async () => {
    expect(outputJson(await runNode({ node: manualTrigger, items: [] }))).toEqual([{}]);
    expect(outputJson(await runNode({ node: manualTrigger, items: items({ a: 1 }) }))).toEqual([{ a: 1 }]);
    expect(outputJson(await runNode({ node: executeWorkflowTrigger, items: items({ b: 1 }) }))).toEqual([
      { b: 1 },
    ]);
    expect(outputJson(await runNode({ node: errorTrigger, items: items({ error: {} }) }))).toEqual([
      { error: {} },
    ]);
  });

  it('webhook declares its registration from params and validates the path', () => {
    const spec = webhook.trigger;
    if (spec?.type !== 'webhook') throw new Error('expected a webhook trigger');
    expect(spec.webhook(webhook.params.parse({ path: 'orders/:id' }))).toEqual({
      path: 'orders/:id',
      methods: ['POST'],
      responseMode: 'immediately',
      responseCode: 200,
    });
    expect(
      spec.webhook(
        webhook.params.parse({ path: 'x', method: 'GET', responseMode: 'responseNode', responseCode: 202 }),
      ),
    ).toEqual({
      path: 'x',
      methods: ['GET'],
      responseMode: 'responseNode',
      responseCode: 202,
    });
    for (const bad of ['/orders', 'a//b', 'a b', '', 'x/:1d', 'a'.repeat(201)])
      expect(webhook.params.safeParse({ path: bad }).success).toBe(false);
  });

  it('schedule returns a cron or an interval and validates cron loosely', async () => {
    const spec = schedule.trigger;
    if (spec?.type !== 'schedule') throw new Error('expected a schedule trigger');
    expect(spec.schedule(schedule.params.parse({}))).toEqual({ intervalMs: 3_600_000 });
    expect(spec.schedule(schedule.params.parse({ intervalMinutes: 5 }))).toEqual({ intervalMs: 300_000 });
    expect(spec.schedule(schedule.params.parse({ intervalSeconds: 30, timezone: 'Europe/Paris' }))).toEqual({
      intervalMs: 30_000,
      timezone: 'Europe/Paris',
    });
    expect(spec.schedule(schedule.params.parse({ mode: 'cron', cron: ' 0 9 * * 1-5 ' }))).toEqual({
      cron: '0 9 * * 1-5',
    });
    expect(schedule.params.safeParse({ mode: 'cron', cron: '*/10 * * * * *' }).success).toBe(true);
    const bad = schedule.params.safeParse({ mode: 'cron', cron: 'every day' });
    expect(bad.error?.issues[0]?.path).toEqual(['cron']);
    const tick = await runNode({ node: schedule, items: items({ timestamp: '2025-01-01T09:00:00.000Z' }) });
    expect(outputJson(tick)).toEqual([{ timestamp: '2025-01-01T09:00:00.000Z' }]);
  });
});
