import { afterAll, expect, it } from 'vitest';
import { createRedisTransport } from './index.js';
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

describeRedis('Redis transport', () => {
  afterAll(async () => {
    await deleteRedisKeys(prefix);
  });

  it('wires queue, events, control and presence of two processes on one Redis', async () => {
    const options = { redisUrl: TEST_REDIS_URL, prefix, lockDurationMs: 2000, logger };
    const main = createRedisTransport({ ...options, instanceId: 'main-1' });
    const worker = createRedisTransport({ ...options, instanceId: 'worker-1' });
    try {
      await Promise.all([main.ready(), worker.ready()]);
      await worker.presence.start();
      expect(await main.presence.live()).toEqual(['worker-1']);

      const cancelled: string[] = [];
      worker.control.onCancel((id) => cancelled.push(id));
      worker.queue.consume(
        async (executionId) => {
          worker.events.publish({ type: 'started', executionId, workflowId: 'wf_1' });
          await waitFor(() => cancelled.includes(executionId), 'the cancel');
          worker.events.publish({
            type: 'finished',
            executionId,
            workflowId: 'wf_1',
            outcome: { status: 'canceled' },
          });
        },
        { concurrency: 1 },
      );
      const seen: ExecutionEvent['type'][] = [];
      main.events.subscribe('ex_wired', (event) => seen.push(event.type));
      await main.queue.enqueue('ex_wired');
      await waitFor(() => seen.includes('started'), 'started from the worker');
      await main.control.requestCancel('ex_wired');
      await waitFor(() => seen.includes('finished'), 'finished from the worker');
      expect(seen).toEqual(['started', 'finished']);
    } finally {
      await Promise.all([main.close(), worker.close()]);
    }
    expect(logger.lines.filter((line) => line.level !== 'info')).toEqual([]);
  });

  it('ready() rejects with a clear message when Redis is unreachable', async () => {
    const transport = createRedisTransport({
      redisUrl: 'redis://127.0.0.1:1',
      prefix,
      instanceId: 'nowhere',
      logger: recordingLogger(),
    });
    await expect(transport.ready(500)).rejects.toThrow(/Redis at redis:\/\/127\.0\.0\.1:1 is unreachable/);
    await transport.close();
  });
});
