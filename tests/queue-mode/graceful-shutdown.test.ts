import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../e2e/support/poll.js';
import { accept, firstJson, successSteps, waitForStatus } from './support/calls.js';
import { createCluster } from './support/cluster.js';
import { startLedger, type Ledger } from './support/ledger-server.js';
import { describeQueueMode } from './support/services.js';
import { ledgerWorkflow } from './support/workflows.js';

// SIGTERM a worker that runs slow executions: it stops taking jobs, lets the ones that finish
// within the grace period (10 s) finish, hands the rest back to the queue and exits 0. Another
// worker completes the handed-back ones from their last completed node.

/** `shopwire worker`'s grace period (cli/worker.ts) */
const GRACE_MS = 10_000;
/** short runs: the PUT answers after 4 s, well inside the grace period */
const SHORT_DELAY_MS = 4000;
/** long runs: the first PUT of a key takes 30 s (beyond the grace period); its replay answers at once */
const LONG_FIRST_DELAY_MS = 30_000;

describeQueueMode('queue mode: graceful shutdown of a worker', () => {
  const cluster = createCluster({ starts: 1, workers: 1 });
  let ledger: Ledger | undefined;

  beforeAll(async () => {
    ledger = await startLedger();
    await cluster.boot();
  }, 90_000);

  afterAll(async () => {
    await ledger?.close();
    await cluster.destroy();
  }, 30_000);

  it('SIGTERM: finishes what fits in the grace period, hands back the rest, exits 0', async () => {
    const c = cluster;
    const l = ledger!;
    const main = c.starts[0]!;
    const first = c.workers[0]!;
    const short = await c.api.createWorkflow(
      ledgerWorkflow('QM short', 'qm-short', `${l.url}/short?delay=${SHORT_DELAY_MS}`),
    );
    const long = await c.api.createWorkflow(
      ledgerWorkflow('QM long', 'qm-long', `${l.url}/long?firstDelay=${LONG_FIRST_DELAY_MS}`),
    );
    await c.api.activate(short);
    await c.api.activate(long);

    // all on the only worker
    const shortIds = [
      await accept(main.url, 'qm-short', { n: 1 }),
      await accept(main.url, 'qm-short', { n: 2 }),
    ];
    const longIds = [
      await accept(main.url, 'qm-long', { n: 3 }),
      await accept(main.url, 'qm-long', { n: 4 }),
    ];
    const ids = [...shortIds, ...longIds];
    await waitFor(() => l.inFlight().length === 4, {
      what: '4 calls in flight',
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    const claimers = await c.claimedBy(ids);
    for (const id of ids) expect(claimers.get(id)).toBe(first.instanceId);

    // SIGTERM while all four are in their call; a second worker starts meanwhile to take over
    expect(l.inFlight('/short'), 'short calls still running at SIGTERM').toHaveLength(2);
    const termAt = Date.now();
    const exiting = first.kill('SIGTERM');
    const second = await c.addWorker();
    const exit = await exiting;
    const exitMs = Date.now() - termAt;
    expect(exit, first.logs().slice(-3000)).toEqual({ code: 0, signal: null });
    expect(exitMs, 'exits within the grace period and a bit').toBeLessThan(GRACE_MS + 3000);
    expect(first.logs()).toContain('"msg":"worker stopped"');

    for (const id of ids) {
      const done = await waitForStatus(c.api, id, ['success', 'error', 'canceled', 'crashed'], 15_000);
      expect(done.status, `${id}: ${JSON.stringify(done.error)}`).toBe('success');
      // steps before the call ran once, before the SIGTERM; the call and the rest ran once
      for (const node of ['hook', 'stamp', 'put', 'done']) {
        expect(successSteps(done, node), `${node} of ${id}`).toHaveLength(1);
      }
      expect(Date.parse(successSteps(done, 'stamp')[0]!.finishedAt!)).toBeLessThan(termAt);
      expect(done.steps.filter((s) => s.nodeId === 'stamp')).toHaveLength(1);
      const token = firstJson(successSteps(done, 'stamp')[0])?.['token'];
      for (const request of l.entries().filter((e) => e.key === id))
        expect(request.body).toMatchObject({ token });
    }

    // finished by the stopping worker: one call each, answered
    const finalClaimers = await c.claimedBy(ids);
    for (const id of shortIds) {
      expect(finalClaimers.get(id), `short ${id} finished by the stopping worker`).toBe(first.instanceId);
      const calls = l.entries().filter((e) => e.key === id);
      expect(calls.map((e) => e.completed)).toEqual([true]);
    }
    // handed back: the interrupted call was abandoned, the other worker replayed it with the same key
    for (const id of longIds) {
      expect(finalClaimers.get(id), `long ${id} completed by the other worker`).toBe(second.instanceId);
      const calls = l.entries().filter((e) => e.key === id);
      expect(calls.map((e) => [e.aborted, e.completed])).toEqual([
        [true, false],
        [false, true],
      ]);
      // abandoned at the end of the grace period (not at once, not after a lock expiry)
      const abandonedAfter = calls[0]!.abortedAt! - termAt;
      expect(abandonedAfter).toBeGreaterThanOrEqual(GRACE_MS - 500);
      expect(abandonedAfter).toBeLessThan(GRACE_MS + 3000);
    }
    expect(first.logs()).not.toContain('"level":"error"');
  }, 60_000);
});
