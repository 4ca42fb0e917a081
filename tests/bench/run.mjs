// Shopwire benchmark: `npm run bench` (full) or `node tests/bench/run.mjs --quick` (CI); `--single`
// skips queue mode and chaos.
// Starts the BUILT server on a temp data dir, imports the bench workflows with the CLI, loads them
// with wrk/autocannon in a separate process and writes tests/bench/results/latest.json.
// Then queue mode (PostgreSQL + Redis, 1 and 2 workers) and the chaos run (kill -9 of workers).
// Exit code: 0 whatever the targets say; 1 on errors (wrong answers, lost executions, crashes).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, runCli, sleep, startServer, stopServer, waitHealthy } from './lib/server-process.mjs';
import { ORDER, ORDER_TOTAL, bigOrder, hasTotal, postJson } from './lib/payload.mjs';
import { loadTool, runLoad } from './lib/load.mjs';
import { memorySnapshot } from './lib/rss.mjs';
import { settledCounts } from './lib/executions.mjs';
import { evaluateTargets, printReport, writeResults } from './lib/report.mjs';
import { runQueueScenarios } from './lib/queue-scenarios.mjs';
import { measureCeiling } from './lib/ceiling.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
// --single: only the single-process scenarios (a quick loop while tuning; CI runs everything)
const single = process.argv.includes('--single');
const DURATION_S = quick ? 3 : 10;
const WARMUP_S = quick ? 1 : 2;
const CONNECTIONS = quick ? [50] : [10, 50];
const S3_RUNS = 20;

// Ctrl-C must not leave a server (or a queue-mode worker) behind.
const running = new Set();
const track = (server) => {
  running.add(server);
  server.exited.then(() => running.delete(server));
  return server;
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const server of running) server.child.kill('SIGKILL');
    process.exit(130);
  });
}

let answered = 0; // 2xx webhook answers, to compare with stored executions
const log = (msg) => console.error(`[bench] ${msg}`);

async function expectTotal(url, body, expected, what) {
  const answer = await postJson(url, body);
  if (!hasTotal(answer, expected))
    throw new Error(`${what}: expected total ${expected}, got ${answer.status} ${answer.text.slice(0, 300)}`);
  answered++;
  return answer;
}

/** Polls a webhook until it answers with the right total; returns ms from `since`. */
async function firstGoodAnswer(url, since, { timeoutMs = 20_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await postJson(url, ORDER);
      if (hasTotal(last, ORDER_TOTAL)) {
        answered++;
        return performance.now() - since;
      }
      if (last.status >= 200 && last.status < 300) answered++;
    } catch (error) {
      last = { status: 0, text: String(error) };
    }
    await sleep(5);
  }
  throw new Error(
    `${url} never answered with total ${ORDER_TOTAL}; last: ${last?.status} ${last?.text?.slice(0, 300)}`,
  );
}

async function load(scenario, url) {
  log(`${scenario}: warm-up ${WARMUP_S}s`);
  const warm = await runLoad({ url, body: ORDER, connections: 50, durationS: WARMUP_S });
  answered += warm.ok;
  const rows = [];
  for (const connections of CONNECTIONS) {
    log(`${scenario}: ${connections} connections for ${DURATION_S}s`);
    const r = await runLoad({ url, body: ORDER, connections, durationS: DURATION_S });
    answered += r.ok;
    rows.push({ scenario, ...r });
  }
  await expectTotal(url, ORDER, ORDER_TOTAL, `${scenario} after load`);
  return rows;
}

async function s3Median(url) {
  const { body, total } = bigOrder(10_000);
  const text = JSON.stringify(body);
  await expectTotal(url, text, total, 'S3 warm-up');
  const times = [];
  for (let i = 0; i < S3_RUNS; i++) times.push((await expectTotal(url, text, total, 'S3')).ms);
  times.sort((a, b) => a - b);
  return (times[Math.floor((times.length - 1) / 2)] + times[Math.ceil((times.length - 1) / 2)]) / 2;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sw-bench-'));
  const port = await freePort();
  const results = {
    when: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    quick,
    tool: loadTool(),
  };
  let server;
  try {
    // 0. This machine's ceiling, alone on the machine, so the results below can be read against it.
    log(`ceiling: 50 connections for ${DURATION_S}s`);
    results.ceiling = await measureCeiling({ connections: 50, durationS: DURATION_S, warmupS: WARMUP_S });

    // 1. Fresh data dir: cold start to /healthz, idle memory, CLI import picked up by the running server.
    server = track(startServer({ dataDir, port }));
    const freshHealthzMs = await waitHealthy(server);
    await sleep(2000);
    const idle = memorySnapshot(server.pid);
    const s1Url = `${server.url}/webhook/bench-s1`;
    const s2Url = `${server.url}/webhook/bench-s2`;
    const pickupMs = {};
    for (const [key, file, url] of [
      ['s1', 's1-set.json', s1Url],
      ['s2', 's2-code.json', s2Url],
    ]) {
      const id = await runCli(['import', path.join(here, 'workflows', file), '--activate'], {
        dataDir,
        port,
      });
      if (!id || /\s/.test(id))
        throw new Error(`import ${file} printed ${JSON.stringify(id)} instead of a workflow id`);
      const imported = performance.now();
      pickupMs[key] = await firstGoodAnswer(url, imported);
      log(`imported ${file} as ${id}`);
    }
    await expectTotal(s1Url, ORDER, ORDER_TOTAL, 'S1 check');
    await expectTotal(s2Url, ORDER, ORDER_TOTAL, 'S2 check');
    await stopServer(server);

    // 2. Restart with both workflows active: cold start to the first good webhook answer.
    server = track(startServer({ dataDir, port }));
    const spawnedAt = server.spawnedAt;
    const healthzPromise = waitHealthy(server);
    const firstS1Ms = await firstGoodAnswer(s1Url, spawnedAt);
    const healthzMs = await healthzPromise;
    results.coldStart = { freshHealthzMs, healthzMs, firstS1Ms };
    // the sandbox child started with that first answer: memory of a warm server before any load
    await sleep(1000);
    const warm = memorySnapshot(server.pid);
    results.pickupMs = pickupMs;

    // 3. Load.
    results.load = [];
    results.load.push(...(await load('S1', s1Url)));
    const afterS1 = memorySnapshot(server.pid);
    results.load.push(...(await load('S2', s2Url)));
    results.memory = { idle, warm, afterS1 };

    // 4. S3: one big order, sequential.
    log('S3: 10,000-item orders');
    results.s3 = {
      items: 10_000,
      runs: S3_RUNS,
      setMedianMs: await s3Median(s1Url),
      codeMedianMs: await s3Median(s2Url),
    };

    // 5. Every answered request must be a stored execution.
    const counts = await settledCounts(dataDir);
    const failed = (counts.byStatus.error ?? 0) + (counts.byStatus.crashed ?? 0);
    results.executions = { ...counts, answered, pass: counts.total >= answered && failed === 0 };
    results.targets = evaluateTargets(results);
    await stopServer(server);
    server = undefined;

    // 6. Queue mode and chaos on PostgreSQL + Redis (skipped locally without them; CI fails).
    const { errors: queueErrors, ...queue } = single
      ? { errors: [], queueMode: { skipped: '--single' }, chaos: { skipped: '--single' } }
      : await runQueueScenarios({ quick, track, log });
    Object.assign(results, queue);

    printReport(results);
    console.log(`\nwrote ${writeResults(results, path.join(here, 'results'))}`);
    if (!results.executions.pass) {
      console.error(
        `[bench] error: ${answered} requests answered 2xx but ${counts.total} executions stored (${failed} failed)`,
      );
      process.exitCode = 1;
    }
    for (const message of queueErrors) console.error(`[bench] error: ${message}`);
    if (queueErrors.length > 0) process.exitCode = 1;
  } catch (error) {
    if (server) console.error(`[bench] server output (tail):\n${server.logs.join('').slice(-4000)}`);
    throw error;
  } finally {
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[bench] error: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
