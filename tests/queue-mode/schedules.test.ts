import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiClient } from '../e2e/support/api.js';
import { sleep } from '../e2e/support/poll.js';
import { link, setNode, workflow } from '../e2e/support/workflows.js';
import { firstJson, successSteps, waitForExecutions } from './support/calls.js';
import { createCluster } from './support/cluster.js';
import type { QmProcess } from './support/processes.js';
import { describeQueueMode } from './support/services.js';
import { scheduleNode, withSettings } from './support/workflows.js';

// Schedules in queue mode: every `start` process runs the scheduler, and each tick becomes exactly
// one execution (one process wins the tick in PostgreSQL). After a downtime, missed ticks follow
// settings.missedSchedules: 'runOnce' starts one catch-up execution, 'skip' none.

/** schedule → Set: the execution's first step carries the tick's timestamp */
function scheduled(name: string, params: Record<string, unknown>, missed: 'skip' | 'runOnce' = 'skip') {
  return withSettings(
    workflow(
      name,
      [scheduleNode('tick', params), setNode('seen', [{ name: 'seen', value: true, type: 'boolean' }])],
      [link('tick', 'seen')],
    ),
    { missedSchedules: missed },
  );
}

/** the tick timestamp of every execution of a workflow (ms), sorted */
async function tickTimes(api: ApiClient, workflowId: string): Promise<number[]> {
  const list = await waitForExecutions(api, workflowId, (l) => l.every((e) => e.status === 'success'), {
    what: `the executions of ${workflowId} to succeed`,
    timeoutMs: 10_000,
  });
  const times: number[] = [];
  for (const summary of list) {
    const execution = await api.getExecution(summary.id);
    const tick = successSteps(execution, 'tick');
    expect(tick, `tick step of ${summary.id}`).toHaveLength(1);
    times.push(Date.parse(String(firstJson(tick[0])?.['timestamp'])));
  }
  return times.sort((a, b) => a - b);
}

describeQueueMode('queue mode: schedules across several start processes', () => {
  const cluster = createCluster({ starts: 2, workers: 1 });

  beforeAll(() => cluster.boot(), 90_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 30_000);

  it('fires every tick exactly once while 2 start processes run it, and without a gap when one dies', async () => {
    const c = cluster;
    const [mainA, mainB] = c.starts as [QmProcess, QmProcess];
    const api = c.apiOn(mainB);
    const id = await api.createWorkflow(
      scheduled('QM every second', { mode: 'interval', intervalSeconds: 1 }),
    );
    await api.activate(id);
    // both schedulers hold the job once start-1 has re-read the active workflows (every 3 s)
    await sleep(5000);
    // kill -9 one scheduler between two ticks: the other one goes on alone
    await sleep(1500 - (Date.now() % 1000));
    await mainA.kill('SIGKILL');
    await sleep(3000);
    await api.post(`/api/v1/workflows/${id}/deactivate`);
    await sleep(1000); // an execution of the last tick may still be on its way

    const times = await tickTimes(api, id);
    expect(
      times.length,
      `ticks: ${times.map((t) => new Date(t).toISOString()).join(', ')}`,
    ).toBeGreaterThanOrEqual(7);
    // one execution per tick, on whole seconds, and no tick left out
    expect(new Set(times).size).toBe(times.length);
    for (const t of times) expect(t % 1000).toBe(0);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!, `gap after tick ${i}`).toBe(1000);
  }, 40_000);

  it("after a downtime, 'runOnce' starts exactly one catch-up execution and 'skip' none", async () => {
    const c = cluster;
    const api = c.apiOn(c.starts.find((p) => p.running())!);
    // three ticks a minute: one while up, two while every start process is down
    const now = Date.now();
    const base = Math.floor(now / 1000) * 1000;
    const [upTick, missed1, missed2] = [base + 6000, base + 11_000, base + 12_000];
    const cron = `${[upTick, missed1, missed2].map((t) => new Date(t).getUTCSeconds()).join(',')} * * * * *`;
    const runOnce = await api.createWorkflow(scheduled('QM catch up', { mode: 'cron', cron }, 'runOnce'));
    const skip = await api.createWorkflow(scheduled('QM skip', { mode: 'cron', cron }, 'skip'));
    await api.activate(runOnce);
    await api.activate(skip);
    for (const id of [runOnce, skip]) {
      await waitForExecutions(api, id, (l) => l.length === 1, {
        what: 'the tick while up',
        timeoutMs: 10_000,
      });
    }
    // every start process down before the next tick
    const stopped = await Promise.all(c.starts.filter((p) => p.running()).map((p) => p.kill('SIGTERM')));
    expect(Date.now(), 'all start processes stopped before the missed ticks').toBeLessThan(missed1 - 200);
    for (const exit of stopped) expect(exit.code).toBe(0);
    await sleep(missed2 + 700 - Date.now());

    const restartedAt = Date.now();
    const [again] = await Promise.all([c.addStart(), c.addStart()]);
    const apiAgain = c.apiOn(again);
    // the catch-up is created during start-up; give stragglers time to show up
    await waitForExecutions(apiAgain, runOnce, (l) => l.length >= 2, {
      what: 'the catch-up run',
      timeoutMs: 10_000,
    });
    await sleep(2000);

    const caughtUp = await tickTimes(apiAgain, runOnce);
    expect(caughtUp.map((t) => new Date(t).toISOString())).toEqual(
      [upTick, missed2].map((t) => new Date(t).toISOString()),
    );
    const list = await apiAgain.listExecutions(runOnce);
    const catchUp = list.find((e) => Date.parse(e.createdAt) >= restartedAt);
    expect(catchUp, 'the catch-up execution was created after the restart').toBeDefined();

    const skipped = await tickTimes(apiAgain, skip);
    expect(skipped.map((t) => new Date(t).toISOString())).toEqual([new Date(upTick).toISOString()]);
  }, 60_000);
});
