import { afterEach, describe, expect, it } from 'vitest';
import { defineNode, z, type NodeDefinition } from '@shopwire/sdk';
import {
  chain,
  closeSandbox,
  eventually,
  saveWorkflow,
  startTestRuntime,
  testEnv,
  testRegistry,
  withExtraNodes,
  type TestRuntime,
} from './test-support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
  await closeSandbox();
});

/** Emits {n} for n = 0, 1 (cursor in node state), then nothing; the first poll throws. */
let polls = 0;
const pollNode: NodeDefinition = defineNode({
  type: 'test.poll',
  version: 1,
  displayName: 'Poll',
  description: 'test polling trigger',
  kind: 'trigger',
  group: 'Triggers',
  params: z.object({}),
  trigger: {
    type: 'polling',
    intervalMs: () => 1000,
    poll: async (ctx) => {
      polls += 1;
      if (polls === 1) throw new Error('upstream down');
      const n = (await ctx.state.get<number>('cursor')) ?? 0;
      if (n >= 2) return [];
      await ctx.state.set('cursor', n + 1);
      return [{ json: { n } }];
    },
  },
  run: async (ctx) => ctx.items,
});

async function runtime(overrides: Parameters<typeof startTestRuntime>[1] = {}): Promise<TestRuntime> {
  const env = testEnv();
  cleanups.push(() => env.cleanup());
  const t = await startTestRuntime(env, {
    registry: withExtraNodes(await testRegistry(), [pollNode]),
    ...overrides,
  });
  cleanups.push(() => t.close());
  return t;
}

describe('polling triggers', () => {
  it('polls on an interval, survives a failing poll, and starts one execution per non-empty poll', async () => {
    const t = await runtime();
    const wf = await saveWorkflow(t.store, {
      name: 'poller',
      nodes: [{ id: 'p', name: 'Poll', type: 'test.poll' }],
    });
    await t.runtime.activate(wf.id);
    const runs = await eventually(async () => {
      const list = (await t.store.executions.list({ workflowId: wf.id })).items;
      return list.length >= 2 ? list : undefined;
    }, 6000);
    expect(runs.every((r) => r.mode === 'polling')).toBe(true);
    const inputs = await Promise.all(
      runs.map(async (r) => (await t.store.executions.getRunInput(r.id))?.startItems[0]?.json),
    );
    expect(inputs.map((j) => j?.['n']).sort()).toEqual([0, 1]);
    expect(polls).toBeGreaterThanOrEqual(3);
    await t.runtime.deactivate(wf.id);
    const after = polls;
    await new Promise((r) => setTimeout(r, 1200));
    expect(polls).toBe(after);
  });
});

describe('pruning', () => {
  it('deletes finished executions beyond maxCount per workflow', async () => {
    const t = await runtime({
      pruning: { enabled: true, maxAgeMs: 86_400_000, maxCount: 1, intervalMs: 1000 },
    });
    const wf = await saveWorkflow(t.store, {
      name: 'many',
      nodes: [
        { id: 'm', name: 'Manual', type: 'core.manualTrigger' },
        { id: 'n', name: 'Noop', type: 'core.set', params: {} },
      ],
      connections: chain(['m', 'n']),
    });
    for (let i = 0; i < 3; i++) {
      const run = await t.runtime.runWorkflow({ workflowId: wf.id });
      expect((await t.runtime.waitForFinish(run.id, 5000))?.status).toBe('success');
    }
    await eventually(
      async () => (await t.store.executions.list({ workflowId: wf.id })).items.length === 1,
      4000,
    );
  });
});
