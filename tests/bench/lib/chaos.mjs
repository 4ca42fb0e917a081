// Chaos run: steady webhook load on a queue-mode installation with 2 workers while a worker is
// killed with SIGKILL every few seconds (and replaced at once). Afterwards every accepted execution
// must have completed, and the ledger (the external system) must have seen each write once.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLedger } from './ledger.mjs';
import { pacedLoad } from './paced-load.mjs';
import { alivePids, createCluster } from './queue-cluster.mjs';
import { createIsolation } from './services.mjs';
import { sleep } from './server-process.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const WORKERS = 2;
const LOCK_MS = 2000;
const TERMINAL = new Set(['success', 'error', 'canceled', 'crashed']);
// warnings the product logs when it recovers a killed worker's runs (runtime/queue-claim.ts, recovery.ts)
const LOG_MESSAGES = {
  takenOver: 'resuming an execution whose worker stopped',
  reoffered: 'offering executions of stopped workers to the queue again',
};

export function chaosPlan(quick) {
  // kills at firstKillS, +killEveryS, ... while at least 3 s of load remain (full: 7, quick: 2).
  // Settling: a backlog (slow machine) may drain for up to settleMaxS, but 60 s without a single
  // execution finishing means they are stuck, i.e. lost.
  const settle = { settleStallS: 60, settleMaxS: 180, ledgerDelayMs: 50 };
  return quick
    ? { rate: 20, durationS: 10, firstKillS: 3, killEveryS: 4, ...settle }
    : { rate: 20, durationS: 30, firstKillS: 3, killEveryS: 4, ...settle };
}

/** `overrides` changes the plan (rate, durationS, firstKillS, ...) for investigations */
export async function runChaos({ quick, track, log, overrides = {} }) {
  const plan = { ...chaosPlan(quick), ...overrides };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sw-bench-chaos-'));
  const isolation = createIsolation({ lockMs: LOCK_MS });
  const ledger = await startLedger({ delayMs: plan.ledgerDelayMs });
  // the HTTP Request node calls the ledger on 127.0.0.1 (serverEnv allows private networks)
  const cluster = createCluster({ dataDir, isolation, track, countInLogs: Object.values(LOG_MESSAGES) });
  const kills = [];
  try {
    log(`chaos: schema ${isolation.schema}, Redis prefix ${isolation.prefix}, lock ${LOCK_MS} ms`);
    const workflowFile = path.join(dataDir, 'chaos-ledger.json');
    const template = readFileSync(path.join(here, '..', 'workflows', 'chaos-ledger.json'), 'utf8');
    writeFileSync(workflowFile, template.replaceAll('__LEDGER_URL__', ledger.url));
    const main = await cluster.startMain();
    await cluster.importWorkflow(workflowFile);
    for (let i = 0; i < WORKERS; i++) await cluster.startWorker();
    const url = `${main.url}/webhook/bench-chaos`;

    // one request end to end first: the route is live and the workers run it
    const [probe] = await pacedLoad({ url, rate: 1, durationS: 1, firstSeq: 0 });
    if (!probe.executionId) throw new Error(`chaos: webhook did not accept: ${probe.status} ${probe.error}`);
    await waitFinished(isolation, [probe.executionId], { stallMs: 20_000, maxMs: 20_000 });

    log(`chaos: ${plan.rate} req/s for ${plan.durationS}s, kill -9 a worker every ${plan.killEveryS}s`);
    const load = pacedLoad({ url, rate: plan.rate, durationS: plan.durationS, firstSeq: 1 });
    const loadStarted = Date.now();
    for (let at = plan.firstKillS; at <= plan.durationS - 3; at += plan.killEveryS) {
      await sleep(loadStarted + at * 1000 - Date.now());
      // both workers up first (a replacement can take seconds to start on a busy machine): a kill
      // then always leaves one worker running, and hits a worker that is actually consuming
      const victim = await bothReady(cluster);
      const killed = cluster.killWorker(victim);
      const running = await runningOn(isolation, killed.pid);
      await cluster.startWorker({ wait: false });
      const atS = Math.round((Date.now() - loadStarted) / 100) / 10;
      kills.push({ atS, ...killed, runningExecutions: running });
      log(`chaos: killed worker ${killed.pid} at ${atS}s (${running} execution(s) running on it)`);
    }
    const answers = [probe, ...(await load)];
    const accepted = answers.filter((a) => a.executionId).map((a) => a.executionId);
    log(`chaos: load done, ${accepted.length} accepted; waiting for them to finish`);
    const waitStarted = Date.now();
    const rows = await waitFinished(isolation, accepted, {
      stallMs: plan.settleStallS * 1000,
      maxMs: plan.settleMaxS * 1000,
    });
    const settleMs = Date.now() - waitStarted;
    // sandbox children of killed workers must have gone with their parent (IPC disconnect)
    const orphansLeft = alivePids(kills.flatMap((k) => k.orphans)).length;
    const logs = cluster.logCounts();
    const recovery = Object.fromEntries(Object.entries(LOG_MESSAGES).map(([key, text]) => [key, logs[text]]));
    return {
      ...summarize({ plan, answers, accepted, rows, ledger, kills, settleMs, orphansLeft }),
      recovery,
    };
  } catch (error) {
    const tail = (p) => p.logs.join('').slice(-2000);
    for (const p of cluster.processes())
      console.error(
        `[bench] chaos process ${p.pid} ${p.child.spawnargs.slice(2, 3)} (exit ${p.child.exitCode ?? p.child.signalCode}, tail):\n${tail(p)}`,
      );
    throw error;
  } finally {
    await cluster.stopAll();
    const orphans = alivePids(kills.flatMap((k) => k.orphans));
    for (const pid of orphans) process.kill(pid, 'SIGKILL');
    if (orphans.length > 0)
      log(`chaos: killed ${orphans.length} orphaned child process(es) of killed workers`);
    await ledger.close();
    const removed = await isolation.cleanup();
    log(`chaos: dropped schema ${removed.schema}, deleted ${removed.keysDeleted} Redis keys`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** waits until WORKERS workers answer /healthz; returns the oldest */
async function bothReady(cluster, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (cluster.readyWorkers.length < WORKERS) {
    if (Date.now() > deadline)
      throw new Error(`chaos: ${WORKERS} workers not healthy within ${timeoutMs} ms`);
    await sleep(50);
  }
  return cluster.readyWorkers[0];
}

/** executions `running` and claimed by the killed worker (its instance id holds its pid) */
async function runningOn(isolation, pid) {
  const rows = await isolation.query(
    `SELECT COUNT(*)::int AS n FROM executions WHERE status = 'running' AND claimed_by LIKE $1`,
    [`%-${pid}-%`],
  );
  return rows[0]?.n ?? 0;
}

/** Polls the accepted executions until all are finished or the time is up; returns their rows. */
/**
 * Polls the accepted executions until all are finished; gives up after `stallMs` without progress
 * or `maxMs` in all. Returns their rows.
 */
async function waitFinished(isolation, ids, { stallMs, maxMs }) {
  const deadline = Date.now() + maxMs;
  let finished = -1;
  let progressAt = Date.now();
  for (;;) {
    const rows = await isolation.query(
      'SELECT id, status, error, created_at, finished_at FROM executions WHERE id = ANY($1::text[])',
      [ids],
    );
    const now = rows.filter((r) => TERMINAL.has(r.status)).length;
    if (now > finished) [finished, progressAt] = [now, Date.now()];
    if (finished === ids.length || Date.now() > deadline || Date.now() - progressAt > stallMs) return rows;
    await sleep(250);
  }
}

function errorCode(error) {
  if (error == null) return 'UNKNOWN';
  try {
    const parsed = typeof error === 'string' ? JSON.parse(error) : error;
    return parsed?.code ?? 'UNKNOWN';
  } catch {
    return 'UNKNOWN';
  }
}

function summarize({ plan, answers, accepted, rows, ledger, kills, settleMs, orphansLeft }) {
  const byStatus = {};
  const failedByCode = {};
  const completedIds = [];
  for (const row of rows) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    if (row.status === 'success') completedIds.push(row.id);
    else if (TERMINAL.has(row.status)) {
      const code = `${row.status}:${errorCode(row.error)}`;
      failedByCode[code] = (failedByCode[code] ?? 0) + 1;
    }
  }
  const unfinished = rows.filter((r) => !TERMINAL.has(r.status)).length;
  // accepted → finished: a run interrupted by a kill shows how long the takeover took
  const took = rows
    .filter((r) => r.finished_at && r.created_at)
    .map((r) => Date.parse(r.finished_at) - Date.parse(r.created_at))
    .sort((a, b) => a - b);
  const pct = (p) => took[Math.min(took.length - 1, Math.floor((p / 100) * took.length))];
  const acceptedSet = new Set(accepted);
  const l = ledger.summary();
  const result = {
    plan,
    sent: answers.length,
    accepted: accepted.length,
    rejected: answers.length - accepted.length,
    rejectedSamples: answers.filter((a) => !a.executionId).slice(0, 3),
    completed: completedIds.length,
    failedByCode,
    unfinished,
    missingRows: accepted.length - rows.length,
    byStatus,
    settleMs,
    finishMs: { p50: pct(50), p99: pct(99), max: took.at(-1) },
    ledger: {
      ...l,
      // a completed execution whose write never reached the ledger: a lost side effect
      missingWrites: completedIds.filter((id) => !ledger.has(id)).length,
      // writes by executions nobody accepted (should be none)
      unknownIds: ledger.ids().filter((id) => !acceptedSet.has(id)).length,
    },
    duplicated: l.duplicated,
    kills: kills.map(({ atS, pid, runningExecutions, orphans }) => ({
      atS,
      pid,
      runningExecutions,
      children: orphans.length,
    })),
    orphansLeft,
  };
  result.pass =
    result.accepted === result.completed &&
    result.duplicated === 0 &&
    result.ledger.missingWrites === 0 &&
    result.rejected === 0;
  return result;
}
