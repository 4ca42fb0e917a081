import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chain,
  closeSandbox,
  eventually,
  flaky,
  runCounts,
  saveWorkflow,
  startTestRuntime,
  testEnv,
  testRegistryWithTestNodes,
  type TestEnv,
  type TestRuntime,
} from './test-support.js';
import { CLAIM_WRITE_DELAY_MS } from './runner.js';

let env: TestEnv;
let t: TestRuntime;

beforeAll(async () => {
  env = testEnv();
  t = await startTestRuntime(env, { registry: await testRegistryWithTestNodes(), concurrency: 1 });
});

afterAll(async () => {
  await t.close();
  await closeSandbox();
  env.cleanup();
});

async function finished(executionId: string) {
  return eventually(async () => {
    const r = await t.store.executions.get(executionId);
    return r && ['success', 'error', 'canceled'].includes(r.status) ? r : undefined;
  });
}

/** saves a workflow Manual trigger → `node` (id, name, type, params) */
function manualThen(
  name: string,
  node: { id: string; name: string; type: string; params?: Record<string, unknown> },
) {
  return saveWorkflow(t.store, {
    name,
    nodes: [{ id: 'm', name: 'Manual', type: 'core.manualTrigger' }, node],
    connections: chain(['m', node.id]),
  });
}

describe('runWorkflow', () => {
  it('starts at the manual trigger with [{json:{}}] and publishes started/step/finished (steps on request)', async () => {
    const wf = await manualThen('manual', {
      id: 's',
      name: 'Set',
      type: 'core.set',
      params: { fields: [{ name: 'x', value: '{{ 1 + 1 }}' }] },
    });
    const seen: string[] = [];
    const seenWithoutSteps: string[] = [];
    const off = t.runtime.events.subscribe(wf.id, (e) => seen.push(e.type), { steps: true });
    const offToo = t.runtime.events.subscribe(wf.id, (e) => seenWithoutSteps.push(e.type));
    const record = await t.runtime.runWorkflow({ workflowId: wf.id });
    const outcome = await t.runtime.waitForFinish(record.id, 5000);
    off();
    offToo();
    expect(seenWithoutSteps).toEqual(['started', 'finished']);
    expect(outcome?.status).toBe('success');
    expect(outcome?.lastNodeItems?.[0]?.json).toEqual({ x: 2 });
    expect(seen[0]).toBe('started');
    expect(seen).toContain('step');
    expect(seen.at(-1)).toBe('finished');
    expect(record.mode).toBe('manual');
  });

  it('records when a queued run started, also when it finished before its claim was due to be written', async () => {
    // concurrency 1: the slow run holds the slot, so the quick one is created queued and starts later
    const slow = await manualThen('holds the slot briefly', {
      id: 'z',
      name: 'Sleep',
      type: 'test.sleep',
      params: { ms: 150 },
    });
    const quick = await manualThen('quick', {
      id: 's',
      name: 'Set',
      type: 'core.set',
      params: { fields: [{ name: 'x', value: 1 }] },
    });
    const first = await t.runtime.runWorkflow({ workflowId: slow.id });
    const second = await t.runtime.runWorkflow({ workflowId: quick.id });
    expect((await t.store.executions.get(second.id))?.status).toBe('queued');
    const slowDone = await finished(first.id);
    const done = await finished(second.id);
    expect(done.status).toBe('success');
    expect(Date.parse(done.finishedAt!) - Date.parse(done.startedAt!)).toBeLessThan(CLAIM_WRITE_DELAY_MS);
    // it started once the slot was free, not when it was created
    expect(done.startedAt! >= slowDone.finishedAt!).toBe(true);
    expect(done.startedAt! <= done.finishedAt!).toBe(true);
  });

  it('rejects an unknown start node with a ValidationError naming the field', async () => {
    const wf = await saveWorkflow(t.store, {
      name: 'x',
      nodes: [{ id: 'm', name: 'Manual', type: 'core.manualTrigger' }],
    });
    await expect(t.runtime.runWorkflow({ workflowId: wf.id, startNodeId: 'nope' })).rejects.toMatchObject({
      field: 'startNodeId',
    });
  });
});

describe('cancel', () => {
  it('aborts a running execution', async () => {
    const wf = await manualThen('slow', {
      id: 'z',
      name: 'Sleep',
      type: 'test.sleep',
      params: { ms: 20_000 },
    });
    const record = await t.runtime.runWorkflow({ workflowId: wf.id });
    await eventually(async () => (await t.store.executions.get(record.id))?.status === 'running');
    const t0 = Date.now();
    expect(await t.runtime.cancel(record.id)).toBe(true);
    expect((await finished(record.id)).status).toBe('canceled');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('cancels a queued execution before it starts: none of its nodes run', async () => {
    // concurrency 1: the slow run holds the only slot, the second waits in the queue (hinted)
    const slow = await manualThen('holds the slot', {
      id: 'z',
      name: 'Sleep',
      type: 'test.sleep',
      params: { ms: 400 },
    });
    const queued = await manualThen('queued', { id: 'queuedCount', name: 'Count', type: 'test.count' });
    const first = await t.runtime.runWorkflow({ workflowId: slow.id });
    const second = await t.runtime.runWorkflow({ workflowId: queued.id });
    expect((await t.store.executions.get(second.id))?.status).toBe('queued');
    expect(await t.runtime.cancel(second.id)).toBe(true);
    expect((await finished(first.id)).status).toBe('success');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await t.store.executions.get(second.id))?.status).toBe('canceled');
    expect(runCounts.get('queuedCount')).toBeUndefined();
    expect(await t.store.executions.steps(second.id)).toEqual([]);
  });

  it('cancels a waiting execution without running it', async () => {
    const wf = await manualThen('waits', {
      id: 'w',
      name: 'Wait',
      type: 'core.wait',
      params: { amount: 1, unit: 'hours' },
    });
    const record = await t.runtime.runWorkflow({ workflowId: wf.id });
    await eventually(async () => (await t.store.executions.get(record.id))?.status === 'waiting');
    expect(await t.runtime.cancel(record.id)).toBe(true);
    expect((await t.store.executions.get(record.id))?.status).toBe('canceled');
    expect(await t.runtime.cancel(record.id)).toBe(false);
  });
});

describe('retry', () => {
  it('re-runs from the failed node, reusing successful steps', async () => {
    const wf = await saveWorkflow(t.store, {
      name: 'retry',
      nodes: [
        { id: 'm', name: 'Manual', type: 'core.manualTrigger' },
        { id: 'before', name: 'Before', type: 'test.count' },
        { id: 'flaky', name: 'Flaky', type: 'test.flaky' },
        { id: 'after', name: 'After', type: 'test.count' },
      ],
      connections: chain(['m', 'before', 'flaky', 'after']),
    });
    flaky.failing = true;
    const first = await t.runtime.runWorkflow({ workflowId: wf.id, items: [{ json: { n: 1 } }] });
    const failed = await finished(first.id);
    expect(failed.status).toBe('error');
    expect(runCounts.get('before')).toBe(1);
    flaky.failing = false;
    const retried = await t.runtime.retry(first.id);
    expect(retried.retryOf).toBe(first.id);
    expect(retried.mode).toBe('retry');
    const outcome = await t.runtime.waitForFinish(retried.id, 5000);
    expect(outcome?.status).toBe('success');
    expect(runCounts.get('before')).toBe(1);
    expect(runCounts.get('flaky')).toBe(2);
    expect(outcome?.lastNodeItems?.[0]?.json).toEqual({ n: 1, ran_before: true, ran_after: true });
    await expect(t.runtime.retry(retried.id)).rejects.toMatchObject({ field: 'executionId' });
  });
});

describe('error workflow', () => {
  it('starts the error workflow at its Error Trigger with the failure', async () => {
    const handler = await saveWorkflow(t.store, {
      name: 'on error',
      nodes: [{ id: 'e', name: 'Error Trigger', type: 'core.errorTrigger' }],
    });
    const failing = await saveWorkflow(t.store, {
      name: 'fails',
      settings: { errorWorkflowId: handler.id },
      nodes: [
        { id: 'm', name: 'Manual', type: 'core.manualTrigger' },
        {
          id: 'x',
          name: 'Explode',
          type: 'core.stopAndError',
          params: { message: 'out of stock', code: 'OUT_OF_STOCK' },
        },
      ],
      connections: chain(['m', 'x']),
    });
    const run = await t.runtime.runWorkflow({ workflowId: failing.id });
    expect((await finished(run.id)).status).toBe('error');
    const errorRun = await eventually(
      async () => (await t.store.executions.list({ workflowId: handler.id })).items[0],
    );
    expect(errorRun.mode).toBe('error');
    expect((await finished(errorRun.id)).status).toBe('success');
    const input = await t.store.executions.getRunInput(errorRun.id);
    expect(input?.startItems[0]?.json).toMatchObject({
      execution: {
        id: run.id,
        mode: 'manual',
        lastNodeExecuted: 'Explode',
        error: { message: 'out of stock', code: 'OUT_OF_STOCK' },
      },
      workflow: { id: failing.id, name: 'fails' },
    });
  });
});

describe('sub-workflows', () => {
  it('runs the child inline at its Execute Workflow Trigger and returns its last node items', async () => {
    const child = await saveWorkflow(t.store, {
      name: 'child',
      nodes: [
        { id: 'c', name: 'Called', type: 'core.executeWorkflowTrigger' },
        {
          id: 'd',
          name: 'Double',
          type: 'core.set',
          params: { fields: [{ name: 'n', value: '{{ $json.n * 2 }}', type: 'number' }] },
        },
      ],
      connections: chain(['c', 'd']),
    });
    const parent = await manualThen('parent', {
      id: 'x',
      name: 'Call',
      type: 'core.executeWorkflow',
      params: { workflowId: child.id },
    });
    // this runtime has concurrency 1: the child would deadlock if it went through the bounded queue
    const run = await t.runtime.runWorkflow({ workflowId: parent.id, items: [{ json: { n: 21 } }] });
    const outcome = await t.runtime.waitForFinish(run.id, 5000);
    expect(outcome?.status).toBe('success');
    expect(outcome?.lastNodeItems?.map((i) => i.json)).toEqual([{ n: 42 }]);
    const children = await t.store.executions.list({ workflowId: child.id });
    expect(children.items[0]).toMatchObject({
      mode: 'subworkflow',
      parentExecutionId: run.id,
      status: 'success',
    });
  });

  it('fails clearly when the target has no Execute Workflow Trigger', async () => {
    const target = await saveWorkflow(t.store, {
      name: 'no trigger',
      nodes: [{ id: 'm', name: 'Manual', type: 'core.manualTrigger' }],
    });
    const parent = await manualThen('bad parent', {
      id: 'x',
      name: 'Call',
      type: 'core.executeWorkflow',
      params: { workflowId: target.id },
    });
    const run = await t.runtime.runWorkflow({ workflowId: parent.id });
    const outcome = await t.runtime.waitForFinish(run.id, 5000);
    expect(outcome?.status).toBe('error');
    expect(outcome?.error?.message).toMatch(/Execute Workflow Trigger/);
  });
});
