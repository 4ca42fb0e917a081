import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExecutionDetail } from '../e2e/support/api.js';
import { waitFor } from '../e2e/support/poll.js';
import { accept, firstJson, successSteps, waitForExecutions, waitForStatus } from './support/calls.js';
import { QUEUE_LOCK_MS, createCluster } from './support/cluster.js';
import { startLedger, type Ledger } from './support/ledger-server.js';
import type { QmProcess } from './support/processes.js';
import { describeQueueMode } from './support/services.js';
import { ledgerWorkflow, waitWorkflow } from './support/workflows.js';

// kill -9 a worker in the middle of executions: another worker continues them from their last
// completed node. Completed steps are not re-run, the idempotent PUT is replayed with the same
// Idempotency-Key, and every accepted execution completes. A Wait parked by a killed worker
// resumes on another one.

const RUNS = 6;
/** the PUT answers after 4 s (replays at once): long enough to kill a worker inside it */
const PUT_DELAY_MS = 4000;
/** polling budget; the takeover itself is asserted to stay within a few lock periods */
const TAKEOVER_BUDGET_MS = 25_000;

/** the one successful step of a node */
function only(execution: ExecutionDetail, nodeId: string) {
  const steps = successSteps(execution, nodeId);
  expect(steps, `successful ${nodeId} steps of ${execution.id}`).toHaveLength(1);
  return steps[0]!;
}

describeQueueMode('queue mode: kill -9 of a worker', () => {
  const cluster = createCluster({ starts: 1, workers: 2 });
  let ledger: Ledger | undefined;

  beforeAll(async () => {
    ledger = await startLedger();
    await cluster.boot();
  }, 90_000);

  afterAll(async () => {
    await ledger?.close();
    await cluster.destroy();
  }, 30_000);

  it('mid-execution: the other worker finishes its executions without re-running completed nodes', async () => {
    const c = cluster;
    const l = ledger!;
    const main = c.starts[0]!;
    const workflowId = await c.api.createWorkflow(
      ledgerWorkflow('QM ledger', 'qm-ledger', `${l.url}/ledger?firstDelay=${PUT_DELAY_MS}`),
    );
    await c.api.activate(workflowId);
    const ids: string[] = [];
    for (let n = 0; n < RUNS; n++) ids.push(await accept(main.url, 'qm-ledger', { n }));
    await waitFor(() => l.inFlight('/ledger').length === RUNS, {
      what: `${RUNS} PUTs in flight`,
      timeoutMs: 15_000,
      intervalMs: 20,
    });

    // kill the worker running the most of them
    const claimers = await c.claimedBy(ids);
    const count = (w: QmProcess) => ids.filter((id) => claimers.get(id) === w.instanceId).length;
    const [w1, w2] = c.workers as [QmProcess, QmProcess];
    const victim = count(w1) >= count(w2) ? w1 : w2;
    const survivor = victim === w1 ? w2 : w1;
    const onVictim = ids.filter((id) => claimers.get(id) === victim.instanceId);
    expect(onVictim.length, `executions on ${victim.name}`).toBeGreaterThan(0);
    expect(onVictim.length + ids.filter((id) => claimers.get(id) === survivor.instanceId).length).toBe(RUNS);
    const killedAt = Date.now();
    await victim.kill('SIGKILL');

    const finished = await waitForExecutions(
      c.api,
      workflowId,
      (list) =>
        list.length === RUNS && list.every((e) => !['queued', 'running', 'waiting'].includes(e.status)),
      { what: `all ${RUNS} executions to finish after the kill`, timeoutMs: TAKEOVER_BUDGET_MS },
    );
    const tookMs = Date.now() - killedAt;
    expect(finished.map((e) => e.status)).toEqual(Array(RUNS).fill('success'));
    console.info(`kill -9 → ${onVictim.length} executions taken over and finished in ${tookMs} ms`);
    // lock (2 s) + stalled check + the dead worker's heartbeat (≤ lock) + the replayed call
    expect(tookMs, 'taken over within a few lock periods').toBeLessThan(QUEUE_LOCK_MS * 6);

    // the survivor ran the rest of the killed worker's executions
    const after = await c.claimedBy(ids);
    for (const id of ids) expect(after.get(id), `claimer of ${id}`).toBe(survivor.instanceId);

    const ns = new Set<unknown>();
    for (const id of ids) {
      const execution = await c.api.getExecution(id);
      const [hook, stamp, put, done] = ['hook', 'stamp', 'put', 'done'].map((node) => only(execution, node));
      // completed before the crash and not run again
      expect(Date.parse(hook!.finishedAt!)).toBeLessThan(killedAt);
      expect(Date.parse(stamp!.finishedAt!)).toBeLessThan(killedAt);
      expect(execution.steps.filter((s) => s.nodeId === 'stamp')).toHaveLength(1);
      const token = firstJson(stamp)?.['token'];
      expect(typeof token).toBe('number');
      expect(firstJson(done)).toMatchObject({ done: true });
      expect(put).toBeDefined();

      // the external system: one key per execution, every request of it with the recorded token
      const requests = l.on('/ledger').filter((e) => e.key === id);
      const completed = requests.filter((e) => e.completed);
      expect(completed, `completed PUTs of ${id}`).toHaveLength(1);
      for (const request of requests) {
        expect(request.method).toBe('PUT');
        expect(request.body).toEqual({ token, n: expect.any(Number) });
      }
      ns.add((requests[0]!.body as { n: number }).n);
      // interrupted ones were replayed once (same key), the others sent once
      expect(requests, `PUTs of ${id}`).toHaveLength(onVictim.includes(id) ? 2 : 1);
      if (onVictim.includes(id)) expect(requests[0]!.aborted).toBe(true);
    }
    expect([...ns].sort()).toEqual(Array.from({ length: RUNS }, (_, n) => n));
    expect(new Set(l.on('/ledger').map((e) => e.key)).size).toBe(RUNS);
  }, 60_000);

  it('a Wait parked by a killed worker resumes on another worker', async () => {
    const c = cluster;
    const main = c.starts[0]!;
    // a second worker again (the first test killed one)
    await c.addWorker();
    const workflowId = await c.api.createWorkflow(waitWorkflow('QM wait', 'qm-wait', 4));
    await c.api.activate(workflowId);
    const firedAt = Date.now();
    const ids = [await accept(main.url, 'qm-wait', { n: 1 }), await accept(main.url, 'qm-wait', { n: 2 })];
    for (const id of ids) await waitForStatus(c.api, id, ['waiting'], 10_000);
    const parkedBy = await c.claimedBy(ids);
    const parkers = new Set(ids.map((id) => c.workerOf(parkedBy.get(id))));
    expect(parkers.has(undefined), 'parked by our workers').toBe(false);
    // kill every worker that parked one, then make sure a live worker remains
    const killedAt = Date.now();
    expect(killedAt, 'killed while the executions still wait').toBeLessThan(firedAt + 4000);
    for (const worker of parkers) await worker!.kill('SIGKILL');
    const alive = c.workers.filter((w) => w.running());
    if (alive.length === 0) alive.push(await c.addWorker());
    expect(alive.length).toBeGreaterThan(0);

    for (const id of ids) {
      const done = await waitForStatus(c.api, id, ['success', 'error', 'canceled'], 20_000);
      expect(done.status).toBe('success');
      const stamp = only(done, 'stamp');
      const after = only(done, 'after');
      expect(Date.parse(stamp.finishedAt!)).toBeLessThan(killedAt);
      expect(done.steps.filter((s) => s.nodeId === 'hook' || s.nodeId === 'stamp')).toHaveLength(2);
      // not before the wait was over, with the token recorded before the kill
      expect(Date.parse(after.finishedAt!)).toBeGreaterThanOrEqual(firedAt + 4000 - 50);
      expect(firstJson(after)).toMatchObject({ resumed: true, token: firstJson(stamp)?.['token'] });
    }
    const resumedBy = await c.claimedBy(ids);
    for (const id of ids) {
      const worker = c.workerOf(resumedBy.get(id));
      expect(worker?.running(), `resumed by a live worker (${resumedBy.get(id)})`).toBe(true);
    }
  }, 60_000);
});
