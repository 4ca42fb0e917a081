import { afterEach, describe, expect, it } from 'vitest';
import { parseWorkflow } from '@shopwire/sdk';
import {
  chain,
  closeSandbox,
  eventually,
  runCounts,
  saveWorkflow,
  startTestRuntime,
  testEnv,
  testRegistryWithTestNodes,
  type TestEnv,
  type TestRuntime,
} from './test-support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
  await closeSandbox();
});

async function runtimeOn(env: TestEnv): Promise<TestRuntime> {
  const t = await startTestRuntime(env, { registry: await testRegistryWithTestNodes() });
  cleanups.push(() => t.close());
  return t;
}

function envForTest(): TestEnv {
  const env = testEnv();
  cleanups.push(() => env.cleanup());
  return env;
}

describe('durable waits', () => {
  it('a waiting execution left by runtime A is resumed by runtime B on the same file', async () => {
    const env = envForTest();
    const a = await runtimeOn(env);
    const wf = await saveWorkflow(a.store, {
      name: 'wait then count',
      nodes: [
        { id: 'm', name: 'Manual', type: 'core.manualTrigger' },
        { id: 'first', name: 'First', type: 'test.count' },
        { id: 'w', name: 'Wait', type: 'core.wait', params: { amount: 2, unit: 'seconds' } },
        { id: 'last', name: 'Last', type: 'test.count' },
      ],
      connections: chain(['m', 'first', 'w', 'last']),
    });
    const run = await a.runtime.runWorkflow({ workflowId: wf.id, items: [{ json: { order: 7 } }] });
    const waiting = await eventually(async () => {
      const r = await a.store.executions.get(run.id);
      return r?.status === 'waiting' ? r : undefined;
    });
    expect(waiting.waitUntil).toBeTruthy();
    await a.close();
    cleanups.pop();
    runCounts.delete('first');

    const b = await runtimeOn(env);
    const done = await eventually(async () => {
      const r = await b.store.executions.get(run.id);
      return r?.status === 'success' ? r : undefined;
    }, 8000);
    expect(Date.parse(done.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(waiting.waitUntil ?? ''));
    expect(runCounts.get('first')).toBeUndefined(); // replayed from the journal, not re-run
    const steps = await b.store.executions.steps(run.id);
    const last = steps.find((s) => s.nodeId === 'last');
    expect(last?.output?.['main']?.[0]?.json).toEqual({ order: 7, ran_first: true, ran_last: true });
  });
});

describe('crash recovery', () => {
  it("resumes an execution left 'running' by a dead process without re-running completed nodes", async () => {
    const env = envForTest();
    const setup = await env.open();
    const document = parseWorkflow({
      name: 'orphan',
      nodes: [
        { id: 'm', name: 'Manual', type: 'core.manualTrigger' },
        { id: 'a', name: 'A', type: 'test.count' },
        {
          id: 'b',
          name: 'B',
          type: 'core.set',
          params: { fields: [{ name: 'seen', value: '{{ $json.marker }}' }] },
        },
      ],
      connections: chain(['m', 'a', 'b']),
    });
    const wf = await setup.workflows.create({ projectId: 'default', document });
    const items = [{ json: { order: 1 } }];
    const exec = await setup.executions.create({
      workflowId: wf.id,
      workflowVersion: wf.version,
      projectId: 'default',
      mode: 'manual',
      startNodeId: 'm',
      startItems: items,
      document,
    });
    expect(await setup.executions.claim(exec.id, 'dead-process', new Date().toISOString())).toBe(true);
    const at = new Date().toISOString();
    await setup.journal.stepFinished({
      executionId: exec.id,
      nodeId: 'm',
      nodeName: 'Manual',
      runIndex: 0,
      status: 'success',
      startedAt: at,
      finishedAt: at,
      input: [items],
      output: { main: items },
    });
    // A's recorded output differs from what test.count would produce now: proof that it is reused
    const recorded = [{ json: { order: 1, marker: 'from-journal' } }];
    await setup.journal.stepFinished({
      executionId: exec.id,
      nodeId: 'a',
      nodeName: 'A',
      runIndex: 0,
      status: 'success',
      startedAt: at,
      finishedAt: at,
      input: [items],
      output: { main: recorded },
    });
    await setup.close();
    runCounts.delete('a');

    const t = await runtimeOn(env);
    const outcome = await t.runtime.waitForFinish(exec.id, 5000);
    expect(outcome?.status).toBe('success');
    expect(outcome?.lastNodeItems?.[0]?.json).toEqual({
      order: 1,
      marker: 'from-journal',
      seen: 'from-journal',
    });
    expect(runCounts.get('a')).toBeUndefined();
    expect((await t.store.executions.get(exec.id))?.claimedBy).toBe(t.options.instanceId);
  });

  it('stop() leaves an unfinished execution running for the next start', async () => {
    const env = envForTest();
    const a = await runtimeOn(env);
    const wf = await saveWorkflow(a.store, {
      name: 'long',
      nodes: [
        { id: 'm', name: 'Manual', type: 'core.manualTrigger' },
        { id: 'z', name: 'Sleep', type: 'test.sleep', params: { ms: 1500 } },
      ],
      connections: chain(['m', 'z']),
    });
    const run = await a.runtime.runWorkflow({ workflowId: wf.id });
    await eventually(async () => (await a.store.executions.get(run.id))?.status === 'running');
    await a.runtime.stop(50);
    expect((await a.store.executions.get(run.id))?.status).toBe('running');
    await a.store.close();
    cleanups.pop();
    const b = await runtimeOn(env);
    expect((await b.runtime.waitForFinish(run.id, 5000))?.status).toBe('success');
  });
});

describe('recovered executions and the per-project cap', () => {
  it('executions queued before a start run under the project limit like new ones', async () => {
    const env = envForTest();
    const store = await env.open();
    const wf = await saveWorkflow(store, {
      name: 'slow',
      nodes: [
        { id: 'm', name: 'Manual', type: 'core.manualTrigger' },
        { id: 'z', name: 'Sleep', type: 'test.sleep', params: { ms: 300 } },
      ],
      connections: chain(['m', 'z']),
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const record = await store.executions.create({
        workflowId: wf.id,
        workflowVersion: wf.version,
        projectId: wf.projectId,
        mode: 'manual',
        startNodeId: 'm',
        startItems: [{ json: { i } }],
        document: wf.document,
      });
      ids.push(record.id);
    }
    await store.close();
    const t = await startTestRuntime(env, {
      registry: await testRegistryWithTestNodes(),
      concurrency: 4,
      projectConcurrency: 1,
    });
    cleanups.push(() => t.close());
    for (const id of ids) expect((await t.runtime.waitForFinish(id, 10_000))?.status).toBe('success');
    const spans = await Promise.all(
      ids.map(async (id) => {
        const r = await t.store.executions.get(id);
        return [Date.parse(r!.startedAt!), Date.parse(r!.finishedAt!)] as const;
      }),
    );
    spans.sort((a, b) => a[0] - b[0]);
    // one at a time: each starts after the previous one finished
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
  });
});
