import { afterEach, describe, expect, it } from 'vitest';
import type { WorkflowInput } from '@shopwire/sdk';
import { activateWorkflowInStore } from './activation.js';
import {
  closeSandbox,
  eventually,
  saveWorkflow,
  silentLogger,
  startTestRuntime,
  testEnv,
  testRegistry,
  type TestEnv,
  type TestRuntime,
} from './test-support.js';
import { createHttpClient } from '@shopwire/http';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
  await closeSandbox();
});

function envForTest(): TestEnv {
  const env = testEnv();
  cleanups.push(() => env.cleanup());
  return env;
}

async function runtimeOn(env: TestEnv): Promise<TestRuntime> {
  const t = await startTestRuntime(env);
  cleanups.push(() => t.close());
  return t;
}

function scheduled(
  name: string,
  params: Record<string, unknown>,
  settings: WorkflowInput['settings'] = {},
): WorkflowInput {
  return { name, settings, nodes: [{ id: 'tick', name: 'Schedule', type: 'core.schedule', params }] };
}

async function activateWith(env: TestEnv, doc: WorkflowInput) {
  const store = await env.open();
  try {
    const wf = await saveWorkflow(store, doc);
    await activateWorkflowInStore(
      {
        store,
        registry: await testRegistry(),
        http: createHttpClient({ allowPrivateNetworks: true }),
        logger: silentLogger,
        publicUrl: 'http://x',
      },
      wf.id,
    );
    return { wf, store };
  } catch (error) {
    await store.close();
    throw error;
  }
}

describe('schedules', () => {
  it('fires every tick exactly once with two runtimes on the same database', async () => {
    const env = envForTest();
    const { wf, store } = await activateWith(
      env,
      scheduled('every second', { mode: 'interval', intervalSeconds: 1 }),
    );
    await store.close();
    const a = await runtimeOn(env);
    await runtimeOn(env);
    await new Promise((r) => setTimeout(r, 3200));
    const runs = (await a.store.executions.list({ workflowId: wf.id, limit: 250 })).items;
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.every((r) => r.mode === 'schedule')).toBe(true);
    const ticks = await Promise.all(
      runs.map(async (r) => (await a.store.executions.getRunInput(r.id))?.startItems[0]?.json['timestamp']),
    );
    expect(new Set(ticks).size).toBe(ticks.length);
    for (const tick of ticks) expect(Date.parse(String(tick)) % 1000).toBe(0);
  });

  it('runs a missed tick once with runOnce, and not with skip', async () => {
    const env = envForTest();
    const hourly = { mode: 'cron', cron: '0 * * * *' };
    const once = await activateWith(env, scheduled('run once', hourly, { missedSchedules: 'runOnce' }));
    await once.store.close();
    const skip = await activateWith(env, scheduled('skip', hourly, { missedSchedules: 'skip' }));
    const threeHoursAgo = new Date(
      Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000,
    ).toISOString();
    expect(await skip.store.schedules.claimTick(once.wf.id, 'tick', threeHoursAgo)).toBe(true);
    expect(await skip.store.schedules.claimTick(skip.wf.id, 'tick', threeHoursAgo)).toBe(true);
    await skip.store.close();

    const t = await runtimeOn(env);
    const run = await eventually(
      async () => (await t.store.executions.list({ workflowId: once.wf.id })).items[0],
    );
    const input = await t.store.executions.getRunInput(run.id);
    const expected = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    expect(input?.startItems[0]?.json).toEqual({ timestamp: expected, timezone: 'UTC' });
    await new Promise((r) => setTimeout(r, 300));
    expect((await t.store.executions.list({ workflowId: once.wf.id })).items).toHaveLength(1);
    expect((await t.store.executions.list({ workflowId: skip.wf.id })).items).toHaveLength(0);
  });
});
