import { afterAll, afterEach, expect, it } from 'vitest';
import { createBullmqQueue } from './bullmq-queue.js';
import {
  TEST_REDIS_URL,
  deleteRedisKeys,
  describeRedis,
  recordingLogger,
  redisTestPrefix,
  waitFor,
} from './test-redis.js';
import type { JobOutcome } from '../types.js';

const prefix = redisTestPrefix();
const logger = recordingLogger();
const open: { close(): Promise<void> }[] = [];
let queueCount = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** a queue (one process's view) on a queue name of this test; more calls = more processes */
function queueFactory(lockDurationMs = 30_000) {
  queueCount += 1;
  const queueName = `q${queueCount}`;
  return () => {
    const queue = createBullmqQueue({ redisUrl: TEST_REDIS_URL, prefix, queueName, lockDurationMs, logger });
    open.push(queue);
    return queue;
  };
}

/** a promise with its resolve function */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

describeRedis('BullMQ execution queue', () => {
  afterEach(async () => {
    await Promise.all(open.splice(0).map((queue) => queue.close()));
  });
  afterAll(async () => {
    if (process.env['DEBUG_REDIS_TESTS']) console.info(logger.lines);
    await deleteRedisKeys(prefix);
  });

  it('runs every job once with at most `concurrency` handlers at a time', async () => {
    const queue = queueFactory()();
    const runs: string[] = [];
    let running = 0;
    let maxRunning = 0;
    queue.consume(
      async (id) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await sleep(60);
        runs.push(id);
        running -= 1;
      },
      { concurrency: 3 },
    );
    const ids = Array.from({ length: 10 }, (_, i) => `ex_conc${i}`);
    await Promise.all(ids.map((id) => queue.enqueue(id)));
    await waitFor(() => runs.length === 10, 'all ten jobs');
    await sleep(100);
    expect(runs.sort()).toEqual([...ids].sort());
    expect(maxRunning).toBe(3);
  });

  it('enqueueing an id that is still queued or running is a no-op; after it finished it runs again', async () => {
    const queue = queueFactory()();
    const release = gate();
    const runs: string[] = [];
    await queue.enqueue('ex_dup');
    await queue.enqueue('ex_dup');
    queue.consume(
      async (id) => {
        runs.push(id);
        if (runs.length === 1) await release.promise;
      },
      { concurrency: 2 },
    );
    await waitFor(() => runs.length === 1, 'the first run');
    await queue.enqueue('ex_dup'); // while it runs
    await sleep(200);
    expect(runs).toEqual(['ex_dup']);
    release.open();
    await sleep(200);
    expect(runs).toEqual(['ex_dup']);
    await queue.enqueue('ex_dup'); // completed jobs are removed: a new job
    await waitFor(() => runs.length === 2, 'the second run');
  });

  it('rejects ids BullMQ cannot use as job ids', async () => {
    const queue = queueFactory()();
    await expect(queue.enqueue('ex:1')).rejects.toThrow(/job id/);
    await expect(queue.enqueue('12345')).rejects.toThrow(/job id/);
  });

  it("'handback' puts the job back in the queue, where another process takes it", async () => {
    const processes = queueFactory();
    const first = processes();
    const second = processes();
    const started = gate();
    const giveBack = gate<JobOutcome>();
    const firstRuns: string[] = [];
    const secondRuns: string[] = [];
    first.consume(
      async (id) => {
        firstRuns.push(id);
        started.open();
        return giveBack.promise;
      },
      { concurrency: 1 },
    );
    await first.enqueue('ex_handback');
    await started.promise;
    // shutdown of the first process: stop taking work, then the runtime hands its run back
    const drained = first.drain(5000);
    second.consume(
      async (id) => {
        secondRuns.push(id);
      },
      { concurrency: 1 },
    );
    await sleep(150);
    expect(secondRuns).toEqual([]); // still owned by the first process
    giveBack.open('handback');
    await drained;
    await waitFor(() => secondRuns.length === 1, 'the second process to run the handed-back job');
    expect(secondRuns).toEqual(['ex_handback']);
    expect(firstRuns).toEqual(['ex_handback']);
  });

  it('a full group delays its own jobs without blocking other groups', async () => {
    const queue = queueFactory()();
    const releaseA1 = gate();
    const events: string[] = [];
    queue.consume(
      async (id) => {
        events.push(`start ${id}`);
        if (id === 'ex_a1') await releaseA1.promise;
        events.push(`end ${id}`);
      },
      { concurrency: 4, groupConcurrency: 1 },
    );
    await queue.enqueue('ex_a1', { group: 'shopA' });
    await waitFor(() => events.includes('start ex_a1'), 'a1 to start');
    await queue.enqueue('ex_a2', { group: 'shopA' });
    await queue.enqueue('ex_b1', { group: 'shopB' });
    await waitFor(() => events.includes('end ex_b1'), 'b1 to run while a1 holds shopA');
    await sleep(400); // a2 was delayed at least once meanwhile
    expect(events).not.toContain('start ex_a2');
    releaseA1.open();
    await waitFor(() => events.includes('end ex_a2'), 'a2 after a1');
    expect(events.indexOf('start ex_a2')).toBeGreaterThan(events.indexOf('end ex_a1'));
  });

  it("a dead worker's job is taken over by another worker once its lock lapses", async () => {
    const processes = queueFactory(1000);
    const dying = processes();
    const survivor = processes();
    const started = gate();
    const never = gate();
    const survivorRuns: string[] = [];
    dying.consume(
      async () => {
        started.open();
        await never.promise;
      },
      { concurrency: 1 },
    );
    await dying.enqueue('ex_takeover');
    await started.promise;
    survivor.consume(
      async (id) => {
        survivorRuns.push(id);
      },
      { concurrency: 1 },
    );
    // longer than the lock: the living owner renews it, so nobody else runs the job
    await sleep(1600);
    expect(survivorRuns).toEqual([]);
    const killedAt = Date.now();
    await dying.close(); // handler still running: connections dropped, lock no longer renewed
    await waitFor(() => survivorRuns.length === 1, 'the takeover', 8000);
    const takeoverMs = Date.now() - killedAt;
    expect(survivorRuns).toEqual(['ex_takeover']);
    expect(takeoverMs).toBeLessThan(4000);
    console.info(`takeover after the worker died: ${takeoverMs} ms (lock 1000 ms)`);
    never.open();
  });

  it('drain stops taking jobs and waits for running handlers, up to its timeout', async () => {
    const processes = queueFactory();
    const queue = processes();
    const runs: string[] = [];
    const blockForever = gate();
    queue.consume(
      async (id) => {
        if (id === 'ex_stuck') await blockForever.promise;
        else await sleep(300);
        runs.push(id);
      },
      { concurrency: 2 },
    );
    await queue.enqueue('ex_d1');
    await queue.enqueue('ex_d2');
    await sleep(50);
    const startedAt = Date.now();
    await queue.drain(5000);
    expect(runs.sort()).toEqual(['ex_d1', 'ex_d2']);
    expect(Date.now() - startedAt).toBeLessThan(1000);

    await queue.enqueue('ex_late');
    await sleep(300);
    expect(runs).not.toContain('ex_late'); // stopped fetching
    // ...and left it in the queue (not stuck in `active`) for another process
    const next = processes();
    const nextRuns: string[] = [];
    next.consume(
      async (id) => {
        nextRuns.push(id);
      },
      { concurrency: 1 },
    );
    await waitFor(() => nextRuns.length === 1, 'another process to take the late job');
    expect(nextRuns).toEqual(['ex_late']);

    // a handler that never returns: drain gives up after its timeout
    const other = queueFactory()();
    const stuckStarted = gate();
    other.consume(
      async () => {
        stuckStarted.open();
        await blockForever.promise;
      },
      { concurrency: 1 },
    );
    await other.enqueue('ex_stuck');
    await stuckStarted.promise;
    const drainStart = Date.now();
    await other.drain(300);
    const waited = Date.now() - drainStart;
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(1000);
    await other.close();
    blockForever.open();
  });

  it('a drained idle worker leaves jobs enqueued afterwards to other processes', async () => {
    const processes = queueFactory();
    const idle = processes();
    const idleRuns: string[] = [];
    idle.consume(
      async (id) => {
        idleRuns.push(id);
      },
      { concurrency: 1 },
    );
    await idle.enqueue('ex_warmup');
    await waitFor(() => idleRuns.length === 1, 'the warm-up job');
    await sleep(100); // now blocked waiting for the next job
    await idle.drain(1000);
    await idle.enqueue('ex_after_drain');
    await sleep(300);
    expect(idleRuns).toEqual(['ex_warmup']);
    const other = processes();
    const otherRuns: string[] = [];
    other.consume(
      async (id) => {
        otherRuns.push(id);
      },
      { concurrency: 1 },
    );
    await waitFor(() => otherRuns.length === 1, 'another process to take the job');
    expect(otherRuns).toEqual(['ex_after_drain']);
  });

  it('enqueue rejects within a few seconds when Redis is unreachable', async () => {
    const queue = createBullmqQueue({
      redisUrl: 'redis://127.0.0.1:1',
      prefix,
      enqueueTimeoutMs: 1500,
      logger,
    });
    const startedAt = Date.now();
    await expect(queue.enqueue('ex_nowhere')).rejects.toThrow(/did not answer within 1500 ms/);
    expect(Date.now() - startedAt).toBeLessThan(3000);
    const closeStart = Date.now();
    await queue.close();
    expect(Date.now() - closeStart).toBeLessThan(2000);
    expect(
      logger.lines.some((line) => line.level === 'warn' && /Redis connection problem/.test(line.message)),
    ).toBe(true);
  });
});
