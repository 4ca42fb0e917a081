// Queue-mode scenario: S1's webhook workflow (respond with the result) served by one `shopwire start`
// and run by 1, then 2 `shopwire worker` processes, on the real PostgreSQL and Redis.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad } from './load.mjs';
import { ORDER, ORDER_TOTAL, hasTotal, postJson } from './payload.mjs';
import { createCluster } from './queue-cluster.mjs';
import { countQueueExecutions, createIsolation } from './services.mjs';
import { sleep } from './server-process.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CONNECTIONS = 50;
const WORKER_COUNTS = [1, 2];

/**
 * Returns { rows, executions, cleanup }: rows like run.mjs's load rows (scenario `Q-1w` / `Q-2w`),
 * executions = stored vs answered (every 2xx answer must be a stored, successful execution).
 */
export async function runQueueMode({ quick, track, log }) {
  const durationS = quick ? 3 : 10;
  const warmupS = quick ? 1 : 2;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sw-bench-queue-'));
  const isolation = createIsolation();
  const cluster = createCluster({ dataDir, isolation, track });
  let answered = 0;
  const rows = [];
  try {
    log(`queue mode: schema ${isolation.schema}, Redis prefix ${isolation.prefix}`);
    const main = await cluster.startMain();
    const url = `${main.url}/webhook/bench-s1`;
    const id = await cluster.importWorkflow(path.join(here, '..', 'workflows', 's1-set.json'));
    log(`queue mode: imported s1-set.json as ${id}`);
    for (const workers of WORKER_COUNTS) {
      while (cluster.workers.length < workers) await cluster.startWorker();
      answered += await untilGoodAnswer(url);
      log(`queue mode, ${workers} worker(s): warm-up ${warmupS}s`);
      const warm = await runLoad({ url, body: ORDER, connections: CONNECTIONS, durationS: warmupS });
      answered += warm.ok;
      log(`queue mode, ${workers} worker(s): ${CONNECTIONS} connections for ${durationS}s`);
      const r = await runLoad({ url, body: ORDER, connections: CONNECTIONS, durationS });
      answered += r.ok;
      rows.push({ scenario: `Q-${workers}w`, workers, ...r });
      answered += await untilGoodAnswer(url);
    }
    const counts = await settled(isolation);
    const failed = (counts.byStatus.error ?? 0) + (counts.byStatus.crashed ?? 0);
    const executions = {
      ...counts,
      answered,
      pass: counts.total >= answered && failed === 0 && (counts.byStatus.queued ?? 0) === 0,
    };
    return { rows, executions };
  } catch (error) {
    const tail = (p) => p.logs.join('').slice(-2000);
    for (const p of cluster.processes())
      console.error(
        `[bench] queue-mode process ${p.pid} ${p.child.spawnargs.slice(2, 3)} (exit ${p.child.exitCode ?? p.child.signalCode}, tail):\n${tail(p)}`,
      );
    throw error;
  } finally {
    await cluster.stopAll();
    const removed = await isolation.cleanup();
    log(`queue mode: dropped schema ${removed.schema}, deleted ${removed.keysDeleted} Redis keys`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Polls until the webhook answers with the right total (a new worker is up); returns 2xx count. */
async function untilGoodAnswer(url, { timeoutMs = 20_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let ok = 0;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await postJson(url, ORDER);
      if (last.status >= 200 && last.status < 300) ok++;
      if (hasTotal(last, ORDER_TOTAL)) return ok;
    } catch (error) {
      last = { status: 0, text: `${String(error)} (${String(error?.cause?.message ?? error?.cause)})` };
    }
    await sleep(20);
  }
  throw new Error(
    `queue mode: ${url} never answered with total ${ORDER_TOTAL}; last: ${last?.status} ${last?.text}`,
  );
}

/** Counts once nothing is queued or running any more (bounded). */
async function settled(isolation, { timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let counts = await countQueueExecutions(isolation);
  while (Date.now() < deadline && ((counts.byStatus.queued ?? 0) > 0 || (counts.byStatus.running ?? 0) > 0)) {
    await sleep(250);
    counts = await countQueueExecutions(isolation);
  }
  return counts;
}
