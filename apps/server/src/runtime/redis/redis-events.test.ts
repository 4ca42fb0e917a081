import { Redis } from 'ioredis';
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

function events(instanceId: string, receive = true, stepProbeMs?: number) {
  const created = createRedisEvents({
    redisUrl: TEST_REDIS_URL,
    prefix,
    instanceId,
    logger,
    receive,
    ...(stepProbeMs !== undefined ? { stepProbeMs } : {}),
  });
  open.push(created);
  return created;
}

/** a small step event of execution ex_s (workflow wf_1) */
function stepOf(runIndex: number): ExecutionEvent {
  return {
    type: 'step',
    executionId: 'ex_s',
    workflowId: 'wf_1',
    step: {
      executionId: 'ex_s',
      nodeId: 'n1',
      nodeName: 'Set',
      runIndex,
      status: 'success',
      startedAt: '2025-01-01T00:00:00.000Z',
    },
  };
}

/** subscribers of a channel, as Redis counts them */
async function numsub(channel: string): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const reply = (await redis.pubsub('NUMSUB', channel)) as [string, number];
    return Number(reply[1]);
  } finally {
    redis.disconnect();
  }
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
    worker.subscribe('ex_big', (e) => local.push(e), { steps: true });
    main.subscribe('ex_big', (e) => remote.push(e), { steps: true });
    await main.ready(); // its step channel is subscribed
    worker.publish(event);
    worker.publish(small);
    await waitFor(() => remote.length === 2, 'both step events');
    expect(local).toEqual([event, small]);
    const { input: _input, output: _output, ...kept } = step;
    expect(remote[0]).toEqual({ ...event, step: { ...kept, truncated: true } });
    expect(remote[1]).toEqual(small); // small ones travel whole
  });

  it('step events cross only while some process listens for steps; publishers stop when nobody does', async () => {
    const main = events('main-s');
    const worker = events('worker-s', false);
    await Promise.all([main.ready(), worker.ready()]);
    const finishedOrStarted: ExecutionEvent[] = [];
    main.subscribe('wf_1', (e) => finishedOrStarted.push(e)); // a webhook waiting: no steps

    // nobody listens for steps: the first one goes out, reaches nobody, and the worker stops
    worker.publish(stepOf(0));
    await waitFor(async () => (await numsub(`${prefix}:steps`)) === 0 && worker.stepsSent() === 1, 'probe');
    await new Promise((resolve) => setTimeout(resolve, 100)); // its PUBLISH reply is in
    worker.publish(stepOf(1));
    worker.publish(started('ex_s'));
    await waitFor(() => finishedOrStarted.length === 1, 'the started event');
    expect(worker.stepsSent()).toBe(1);
    expect(finishedOrStarted).toEqual([started('ex_s')]);

    // a live view opens in main: the worker hears the announcement and sends steps again
    const live: ExecutionEvent[] = [];
    const close = main.subscribe('wf_1', (e) => live.push(e), { steps: true });
    await main.ready();
    await waitFor(() => {
      worker.publish(stepOf(2));
      return live.length > 0;
    }, 'a step at the live view');
    expect(live[0]).toEqual(stepOf(2));
    expect(finishedOrStarted).toEqual([started('ex_s')]); // still no steps for the waiting webhook

    // the live view closes: main leaves the step channel; the next step finds nobody, then none go out
    close();
    await waitFor(async () => (await numsub(`${prefix}:steps`)) === 0, 'main unsubscribed');
    worker.publish(stepOf(3));
    const sent = worker.stepsSent();
    await new Promise((resolve) => setTimeout(resolve, 100));
    worker.publish(stepOf(4));
    worker.publish(stepOf(5));
    expect(worker.stepsSent()).toBe(sent);
  });

  it('an unwatched publisher still probes now and then, so a listener whose announcement was lost gets steps', async () => {
    const worker = events('worker-probe', false, 300);
    await worker.ready();
    worker.publish(stepOf(0)); // reaches nobody: the worker stops sending steps
    await waitFor(async () => (await numsub(`${prefix}:steps`)) === 0 && worker.stepsSent() === 1, 'probe');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // a listener that never announced itself (as after a Redis restart)
    const raw = new Redis(TEST_REDIS_URL);
    const received: number[] = [];
    raw.on('message', (_channel: string, message: string) =>
      received.push((JSON.parse(message) as { event: { step: { runIndex: number } } }).event.step.runIndex),
    );
    await raw.subscribe(`${prefix}:steps`);
    try {
      for (let i = 1; i <= 20; i++) {
        worker.publish(stepOf(i));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await waitFor(() => received.includes(20), 'the last step');
      // one probe found the listener; from then on every step went out
      const first = received[0]!;
      expect(first).toBeGreaterThan(1);
      expect(received).toEqual(Array.from({ length: 21 - first }, (_, k) => first + k));
    } finally {
      raw.disconnect();
    }
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
