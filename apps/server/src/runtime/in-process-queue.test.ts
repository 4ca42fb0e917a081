import { describe, expect, it } from 'vitest';
import { createInMemoryEvents } from './in-memory-events.js';
import { createInProcessQueue } from './in-process-queue.js';

describe('in-process queue', () => {
  it('runs at most `concurrency` handlers at once and drains', async () => {
    const queue = createInProcessQueue();
    let active = 0;
    let peak = 0;
    const done: string[] = [];
    queue.consume(
      async (id) => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 10));
        active -= 1;
        done.push(id);
      },
      { concurrency: 3 },
    );
    for (let i = 0; i < 10; i++) await queue.enqueue(`e${i}`);
    await new Promise((r) => setTimeout(r, 100));
    await queue.drain(1000);
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([...Array(10).keys()].map((i) => `e${i}`).sort());
  });

  it('reports an idle worker only while an enqueued id would start at once', async () => {
    const queue = createInProcessQueue();
    expect(queue.hasIdleWorker?.()).toBe(false); // nobody consumes yet
    const release: (() => void)[] = [];
    queue.consume(() => new Promise<void>((r) => release.push(r)), { concurrency: 1 });
    expect(queue.hasIdleWorker?.()).toBe(true);
    await queue.enqueue('a');
    expect(queue.hasIdleWorker?.()).toBe(false);
    release.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(queue.hasIdleWorker?.()).toBe(true);
    await queue.drain(100);
    expect(queue.hasIdleWorker?.()).toBe(false);
  });

  it('drain stops intake and returns after the timeout when a handler hangs', async () => {
    const queue = createInProcessQueue();
    const started: string[] = [];
    queue.consume(async (id) => {
      started.push(id);
      await new Promise(() => undefined);
    }, { concurrency: 1 });
    await queue.enqueue('a');
    await queue.enqueue('b');
    const t0 = Date.now();
    await queue.drain(50);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    expect(started).toEqual(['a']);
  });
});

describe('in-memory events', () => {
  it('delivers by execution id, workflow id and *', () => {
    const events = createInMemoryEvents();
    const seen: string[] = [];
    const off = events.subscribe('e1', (e) => seen.push(`exec:${e.type}`));
    events.subscribe('w1', (e) => seen.push(`wf:${e.type}`));
    events.subscribe('*', () => {
      throw new Error('listener bug');
    });
    events.publish({ type: 'started', executionId: 'e1', workflowId: 'w1' });
    off();
    events.publish({ type: 'started', executionId: 'e1', workflowId: 'w1' });
    expect(seen).toEqual(['exec:started', 'wf:started', 'wf:started']);
  });
});
