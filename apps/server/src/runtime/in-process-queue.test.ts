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

  it('limits how many executions of one project run at once without blocking other projects', async () => {
    const queue = createInProcessQueue();
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const order: string[] = [];
    const release: (() => void)[] = [];
    const project = (id: string): string => id.split(':')[0] as string;
    queue.consume(
      (id) => {
        const p = project(id);
        running.set(p, (running.get(p) ?? 0) + 1);
        peak.set(p, Math.max(peak.get(p) ?? 0, running.get(p) ?? 0));
        order.push(id);
        return new Promise<void>((resolve) =>
          release.push(() => {
            running.set(p, (running.get(p) ?? 1) - 1);
            resolve();
          }),
        );
      },
      { concurrency: 4, groupConcurrency: 2 },
    );
    // a busy shop floods the queue first; a second shop's execution must still start at once
    for (let i = 0; i < 6; i++) await queue.enqueue(`busy:${i}`, { group: 'busy' });
    await queue.enqueue('quiet:0', { group: 'quiet' });
    expect(order).toEqual(['busy:0', 'busy:1', 'quiet:0']);
    expect(queue.hasIdleWorker?.('busy')).toBe(false);
    while (release.length > 0) {
      release.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(order.filter((id) => id.startsWith('busy'))).toEqual([0, 1, 2, 3, 4, 5].map((i) => `busy:${i}`));
    expect(peak.get('busy')).toBe(2);
    await queue.drain(100);
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
    queue.consume(
      async (id) => {
        started.push(id);
        await new Promise(() => undefined);
      },
      { concurrency: 1 },
    );
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
