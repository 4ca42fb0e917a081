// Measures the store's hot path for webhook executions on a temp SQLite file:
// executions.create + claim + getRunInput + 3 × (stepStarted, stepFinished) + executions.update.
// Usage: node packages/db/bench.mjs [seconds=5] [concurrency=256]
// BENCH_PG_URL=postgres://... runs it on PostgreSQL instead (in a temp schema, dropped after).
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 256);

// Bundle the TypeScript sources (no dist needed); node_modules stay external.
const outDir = path.join(here, 'node_modules', '.cache', 'shopwire-bench');
const outfile = path.join(outDir, 'store.mjs');
await build({
  entryPoints: [path.join(here, 'src', 'index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  external: ['better-sqlite3', 'kysely', 'zod', 'pg'],
  outfile,
  logLevel: 'warning',
});
const { openStore, createKeyring, keyIdFor, dropPostgresSchema } = await import(pathToFileURL(outfile).href);

const dir = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'sw-bench-'));
const key = Buffer.alloc(32, 7);
const keyring = createKeyring({ keys: [{ id: keyIdFor(key), key }] });
const pgUrl = process.env.BENCH_PG_URL;
const pgSchema = `sw_bench_${Date.now().toString(36)}`;
const store = pgUrl
  ? await openStore({ dialect: 'postgres', connectionString: pgUrl, schema: pgSchema, keyring })
  : await openStore({ dialect: 'sqlite', file: path.join(dir, 'bench.db'), keyring });
const document = {
  schemaVersion: 1,
  name: 'Bench',
  nodes: ['hook', 'set', 'respond'].map((id) => ({
    id,
    name: id,
    type: `core.${id}`,
    typeVersion: 1,
    params: {},
    position: [0, 0],
    disabled: false,
    credentials: {},
    onError: 'stop',
  })),
  connections: [],
  settings: {
    timezone: 'UTC',
    timeoutMs: 300000,
    concurrency: 4,
    retention: { saveSuccessData: true, saveErrorData: true, saveManualData: true },
    missedSchedules: 'skip',
  },
  pinData: {},
  stickyNotes: [],
  tags: [],
};
const items = [
  { json: { orderId: 1234, total: 99.5, email: 'a@example.com', lines: [{ sku: 'A-1', qty: 2 }] } },
];

async function one() {
  const now = () => new Date().toISOString();
  const ex = await store.executions.create({
    workflowId: 'wf_bench',
    workflowVersion: 1,
    projectId: 'default',
    mode: 'webhook',
    startNodeId: 'hook',
    startItems: items,
    document,
  });
  if (!(await store.executions.claim(ex.id, 'bench', now()))) throw new Error('claim failed');
  await store.executions.getRunInput(ex.id);
  for (const [i, nodeId] of ['hook', 'set', 'respond'].entries()) {
    const step = {
      executionId: ex.id,
      nodeId,
      nodeName: nodeId,
      runIndex: 0,
      status: 'running',
      startedAt: now(),
      input: [items],
    };
    await store.journal.stepStarted(step);
    await store.journal.stepFinished({
      ...step,
      status: 'success',
      finishedAt: now(),
      output: { main: items },
      input: i === 0 ? [] : [items],
    });
  }
  await store.executions.update(ex.id, { status: 'success', finishedAt: now(), dataBytes: 512 });
}

async function run(ms) {
  let done = 0;
  const deadline = performance.now() + ms;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await one();
        done += 1;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { done, elapsed, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

await run(1000); // warm-up
const tx0 = store.stats();
const r = await run(seconds * 1000);
const tx1 = store.stats();
const perSec = r.done / r.elapsed;
console.log(
  JSON.stringify({
    executions: r.done,
    seconds: +r.elapsed.toFixed(2),
    executionsPerSec: Math.round(perSec),
    cpuCoresUsed: +(r.cpuSeconds / r.elapsed).toFixed(2),
    cpuMicrosPerExecution: Math.round((r.cpuSeconds * 1e6) / r.done),
    executionsPerCpuSecond: Math.round(r.done / r.cpuSeconds),
    writesPerTransaction: +((tx1.writes - tx0.writes) / (tx1.transactions - tx0.transactions)).toFixed(1),
    concurrency,
    dialect: store.dialect,
  }),
);
await store.close();
if (pgUrl) await dropPostgresSchema({ connectionString: pgUrl, schema: pgSchema });
fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(outDir, { recursive: true, force: true });
