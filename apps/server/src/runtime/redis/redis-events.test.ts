import { afterAll, afterEach, expect, it } from 'vitest';
import type { StepRecord } from '@shopwire/sdk';
import { createRedisControl } from './redis-control.js';
import { createRedisEvents, MAX_REMOTE_STEP_BYTES } from './redis-events.js';
import {
  TEST_REDIS_URL,
  deleteRedisKeys,
  describeRedis,
  recordingLogger,
  redisTestPrefix,
  waitFor,
} from './test-redis.js';
import type { ExecutionEvent } from '../types.js';

const prefix = redisTestPrefix();
const logger = recordingLogger();
const open: { close(): Promise<void> }[] = [];

function events(instanceId: string, receive = true) {
  const created = createRedisEvents({ redisUrl: TEST_REDIS_URL, prefix, instanceId, logger, receive });
  open.push(created);
  return created;
}

function control() {
  const created = createRedisControl({ redisUrl: TEST_REDIS_URL, prefix, logger });
  open.push(created);
  return created;
}

const started = (executionId: string): ExecutionEvent => ({
  type: 'started',
  executionId,
  workflowId: 'wf_1',
});

describeRedis('Redis execution events', () => {
  afterEach(async () => {
    await Promise.all(open.splice(0).map((item) => item.close()));
  });
  afterAll(async () => {
    await deleteRedisKeys(prefix);
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('a publish-only instance (a worker) sends events but receives none from others', async () => {
    const main = events('main-p');
    const worker = events('worker-p', false);
    await Promise.all([main.ready(), worker.ready()]);
    const seenByMain: ExecutionEvent[] = [];
    const seenByWorker: ExecutionEvent[] = [];
    main.subscribe('*', (event) => seenByMain.push(event));
    worker.subscribe('*', (event) => seenByWorker.push(event));
    worker.publish(started('ex_w'));
    main.publish(started('ex_m'));
    await waitFor(() => seenByMain.some((e) => e.executionId === 'ex_w'), "the worker's event at main");
    await new Promise((resolve) => setTimeout(resolve, 200));
    // the worker sees its own (local) event only
    expect(seenByWorker.map((e) => e.executionId)).toEqual(['ex_w']);
  });

  it('delivers local events synchronously and remote ones by key; ignores its own echo', async () => {
    const main = events('main');
    const worker = events('worker');
    await Promise.all([main.ready(), worker.ready()]);
    const seenByMain: ExecutionEvent[] = [];
    const seenByMainWorkflow: ExecutionEvent[] = [];
    const seenByOtherExecution: ExecutionEvent[] = [];
    main.subscribe('ex_1', (event) => seenByMain.push(event));
    main.subscribe('wf_1', (event) => seenByMainWorkflow.push(event));
    main.subscribe('ex_other', (event) => seenByOtherExecution.push(event));
    const seenByWorker: ExecutionEvent[] = [];
    worker.subscribe('*', (event) => seenByWorker.push(event));

    worker.publish(started('ex_1'));
    expect(seenByWorker).toEqual([started('ex_1')]); // local: synchronously, once
    await waitFor(() => seenByMain.length === 1, 'the event in the other process');
    expect(seenByMain).toEqual([started('ex_1')]);
    expect(seenByMainWorkflow).toEqual([started('ex_1')]);

    // anything main publishes now reaches the worker after the worker's own echo would have
    main.publish(started('ex_marker'));
    await waitFor(() => seenByWorker.length === 2, 'the marker');
    expect(seenByWorker).toEqual([started('ex_1'), started('ex_marker')]);
    expect(seenByMain).toEqual([started('ex_1')]);
    expect(seenByOtherExecution).toEqual([]);
  });

  it('a big step event crosses processes without its items; local listeners get them all', async () => {
    const main = events('main');
    const worker = events('worker');
    await Promise.all([main.ready(), worker.ready()]);
    const big = 'x'.repeat(MAX_REMOTE_STEP_BYTES);
    const step: StepRecord = {
      executionId: 'ex_big',
      nodeId: 'n1',
      nodeName: 'Fetch',
      runIndex: 0,
      status: 'error',
      startedAt: '2025-01-01T00:00:00.000Z',
      finishedAt: '2025-01-01T00:00:01.000Z',
      input: [[{ json: { big } }]],
      output: { main: [{ json: { big } }] },
      error: { message: 'boom' } as StepRecord['error'],
    };
    const event: ExecutionEvent = { type: 'step', executionId: 'ex_big', workflowId: 'wf_1', step };
    const small: ExecutionEvent = {
      type: 'step',
      executionId: 'ex_big',
      workflowId: 'wf_1',
      step: { ...step, runIndex: 1, input: [[{ json: { n: 1 } }]], output: { main: [{ json: { n: 2 } }] } },
    };
    const local: ExecutionEvent[] = [];
    const remote: ExecutionEvent[] = [];
    worker.subscribe('ex_big', (e) => local.push(e));
    main.subscribe('ex_big', (e) => remote.push(e));
    worker.publish(event);
    worker.publish(small);
    await waitFor(() => remote.length === 2, 'both step events');
    expect(local).toEqual([event, small]);
    const { input: _input, output: _output, ...kept } = step;
    expect(remote[0]).toEqual({ ...event, step: { ...kept, truncated: true } });
    expect(remote[1]).toEqual(small); // small ones travel whole
  });

  it('after close, events stay local', async () => {
    const main = events('main');
    const worker = events('worker');
    await Promise.all([main.ready(), worker.ready()]);
    const local: ExecutionEvent[] = [];
    worker.subscribe('*', (e) => local.push(e));
    await worker.close();
    worker.publish(started('ex_closed'));
    expect(local).toEqual([started('ex_closed')]);
  });
});

describeRedis('Redis execution control', () => {
  afterEach(async () => {
    await Promise.all(open.splice(0).map((item) => item.close()));
  });
  afterAll(async () => {
    await deleteRedisKeys(prefix);
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it("a cancel reaches every process's listeners once, the sender's included", async () => {
    const main = control();
    const worker = control();
    await Promise.all([main.ready(), worker.ready()]);
    const heardByMain: string[] = [];
    const heardByWorker: string[] = [];
    main.onCancel((id) => heardByMain.push(id));
    worker.onCancel((id) => heardByWorker.push(id));

    await main.requestCancel('ex_1');
    expect(heardByMain).toEqual(['ex_1']); // told directly, before Redis answered
    await waitFor(() => heardByWorker.length === 1, 'the cancel in the other process');
    await worker.requestCancel('ex_marker');
    await waitFor(() => heardByMain.length === 2, 'the marker');
    expect(heardByMain).toEqual(['ex_1', 'ex_marker']); // no echo of ex_1
    expect(heardByWorker).toEqual(['ex_1', 'ex_marker']);
  });
});
