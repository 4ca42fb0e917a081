// Targets and the printed table. Targets are marks only: they never change the exit code.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REFERENCE_CEILING_RPS, scaledToReference } from './ceiling.mjs';

const fmt = (n, digits = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function loadRow(results, scenario, connections) {
  return results.load.find((r) => r.scenario === scenario && r.connections === connections);
}

/** [{ name, value, unit, target, pass }] */
export function evaluateTargets(results) {
  const s1 = loadRow(results, 'S1', 50);
  const s2 = loadRow(results, 'S2', 50);
  const rows = [
    { name: 'S1 req/s @50 conns', value: s1?.rps, unit: 'req/s', op: '>=', limit: 5000 },
    { name: 'S1 p99 @50 conns', value: s1?.p99Ms, unit: 'ms', op: '<=', limit: 25 },
    { name: 'S2 req/s @50 conns', value: s2?.rps, unit: 'req/s', op: '>=', limit: 4000 },
    { name: 'S3 median, Set (10k items)', value: results.s3.setMedianMs, unit: 'ms', op: '<=', limit: 40 },
    { name: 'S3 median, Code (10k items)', value: results.s3.codeMedianMs, unit: 'ms', op: '<=', limit: 25 },
    {
      name: 'cold start → /healthz 200',
      value: results.coldStart.healthzMs,
      unit: 'ms',
      op: '<=',
      limit: 1000,
    },
    {
      name: 'cold start → first S1 answer',
      value: results.coldStart.firstS1Ms,
      unit: 'ms',
      op: '<=',
      limit: 1000,
    },
    {
      name: 'idle RSS, server process',
      value: results.memory.idle.serverMb,
      unit: 'MB',
      op: '<=',
      limit: 120,
    },
    {
      // sandbox processes start on demand and stop when idle (SHOPWIRE_SANDBOX_IDLE_MS)
      name: 'idle RSS, server + sandbox',
      value: results.memory.idle.totalMb,
      unit: 'MB',
      op: '<=',
      limit: 120,
    },
  ];
  // the same throughput targets read against this machine (see ceiling.mjs): marks, like the rest
  const ceiling = results.ceiling?.rps;
  rows.push(
    {
      name: 'S1 @50, scaled to reference',
      value: scaledToReference(s1?.rps, ceiling),
      unit: 'req/s',
      op: '>=',
      limit: 5000,
    },
    {
      name: 'S2 @50, scaled to reference',
      value: scaledToReference(s2?.rps, ceiling),
      unit: 'req/s',
      op: '>=',
      limit: 4000,
    },
  );
  return rows.map((r) => ({
    ...r,
    pass: typeof r.value === 'number' && (r.op === '>=' ? r.value >= r.limit : r.value <= r.limit),
  }));
}

export function printReport(results) {
  const lines = [];
  lines.push(
    `\nShopwire benchmark (${results.quick ? 'quick' : 'full'}; load tool ${results.tool}; node ${results.node}; ${results.cpus} CPUs)`,
  );
  lines.push('\nLoad (after warm-up)');
  lines.push(...loadTable(results.ceiling ? [...results.load, results.ceiling] : results.load));
  lines.push(...ceilingLines(results));
  lines.push(
    `\nS3 (${results.s3.items} items, ${results.s3.runs} sequential requests): Set median ${fmt(results.s3.setMedianMs)} ms, Code median ${fmt(results.s3.codeMedianMs)} ms`,
  );
  const c = results.coldStart;
  lines.push(
    `Cold start: fresh data dir → /healthz ${fmt(c.freshHealthzMs, 0)} ms; restart → /healthz ${fmt(c.healthzMs, 0)} ms, → first S1 answer ${fmt(c.firstS1Ms, 0)} ms`,
  );
  lines.push(
    `CLI import --activate picked up by the running server after: S1 ${fmt(results.pickupMs.s1, 0)} ms, S2 ${fmt(results.pickupMs.s2, 0)} ms`,
  );
  const m = results.memory;
  lines.push(
    `RSS idle: server ${fmt(m.idle.serverMb)} MB + ${m.idle.childCount} children ${fmt(m.idle.childrenMb)} MB`,
  );
  if (m.warm)
    lines.push(
      `RSS warm (one S1 answered, no load): server ${fmt(m.warm.serverMb)} MB + ${m.warm.childCount} children ${fmt(m.warm.childrenMb)} MB`,
    );
  lines.push(
    `RSS after S1: server ${fmt(m.afterS1.serverMb)} MB + ${m.afterS1.childCount} children ${fmt(m.afterS1.childrenMb)} MB`,
  );
  const e = results.executions;
  lines.push(
    `Executions stored: ${e.total} (${JSON.stringify(e.byStatus)}); 2xx answers sent: ${e.answered} → ${e.pass ? 'all persisted' : 'MISSING EXECUTIONS'}`,
  );
  lines.push(...queueModeLines(results.queueMode), ...chaosLines(results.chaos));
  lines.push('\nTargets');
  for (const t of results.targets) {
    lines.push(
      `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(30)} ${fmt(t.value, t.unit === 'req/s' ? 0 : 1).padStart(8)} ${t.unit.padEnd(5)} (target ${t.op} ${t.limit})`,
    );
  }
  console.log(lines.join('\n'));
}

/** How far this machine is from the one the targets were set on, and what S1/S2 scale to. */
function ceilingLines(results) {
  const c = results.ceiling;
  if (!c) return [];
  const share = (row) => (row && c.rps > 0 ? `${fmt((row.rps / c.rps) * 100, 0)}%` : 'n/a');
  const s1 = loadRow(results, 'S1', 50);
  const s2 = loadRow(results, 'S2', 50);
  return [
    `ceiling = bare Hono handler + 1 SQLite row + the sum in a reused isolated-vm context in a child:`,
    `  ${fmt(c.rps, 0)} req/s here, ~${REFERENCE_CEILING_RPS} where the targets were set (×${fmt(REFERENCE_CEILING_RPS / c.rps, 2)});`,
    `  S1 @50 is ${share(s1)} of it (target 50%), S2 @50 ${share(s2)} (target 40%)`,
  ];
}

function loadTable(rows) {
  const lines = ['scenario  conns  dur(s)     req/s   p50(ms)   p99(ms)  requests  errors  non2xx'];
  for (const r of rows) {
    lines.push(
      `${r.scenario.padEnd(8)}  ${String(r.connections).padStart(5)}  ${String(r.durationS).padStart(6)}  ${fmt(r.rps, 0).padStart(8)}  ${fmt(r.p50Ms, 2).padStart(8)}  ${fmt(r.p99Ms, 2).padStart(8)}  ${String(r.requests).padStart(8)}  ${String(r.errors).padStart(6)}  ${String(r.non2xx).padStart(6)}`,
    );
  }
  return lines;
}

function queueModeLines(q) {
  if (!q) return [];
  const head = '\nQueue mode: S1 on PostgreSQL + Redis, 1 `start` + N workers (Q-Nw), after warm-up';
  if (q.skipped) return [head, `  skipped: ${q.skipped}`];
  if (q.error) return [head, `  ERROR: ${q.error}`];
  const e = q.executions;
  return [
    head,
    ...loadTable(q.rows),
    `Executions stored: ${e.total} (${JSON.stringify(e.byStatus)}); 2xx answers sent: ${e.answered} → ${e.pass ? 'all persisted' : 'MISSING OR FAILED EXECUTIONS'}`,
  ];
}

function chaosLines(c) {
  if (!c) return [];
  const head =
    '\nChaos: kill -9 a worker every few seconds under steady load (2 workers, webhook → Set → PUT → Set)';
  if (c.skipped) return [head, `  skipped: ${c.skipped}`];
  if (c.error) return [head, `  ERROR: ${c.error}`];
  const l = c.ledger;
  const failed = Object.keys(c.failedByCode).length > 0 ? JSON.stringify(c.failedByCode) : 'none';
  return [
    head,
    `  load ${c.plan.rate} req/s for ${c.plan.durationS}s; workers killed: ${c.kills.length} (executions running on them when killed: ${c.kills.map((k) => k.runningExecutions).join(', ')})`,
    `  requests sent ${c.sent}, accepted ${c.accepted}, rejected ${c.rejected}`,
    `  completed ${c.completed}, failed/needs review ${failed}, unfinished ${c.unfinished}, missing rows ${c.missingRows} (${c.unfinished + c.missingRows === 0 ? 'all finished' : 'gave up'} ${fmt(c.settleMs / 1000)} s after the load)`,
    `  accepted → finished: p50 ${fmt(c.finishMs.p50, 0)} ms, p99 ${fmt(c.finishMs.p99, 0)} ms, max ${fmt(c.finishMs.max, 0)} ms (a killed worker's runs wait for the takeover)`,
    `  ledger: ${l.ids} ids written, ${l.rawDeliveries} raw PUTs (${l.redeliveries} re-deliveries of the same write), duplicated side effects ${c.duplicated}, completed without a write ${l.missingWrites}, unknown ids ${l.unknownIds}`,
    `  runs taken over from killed workers: ${c.recovery.takenOver} (logged); orphaned child processes of killed workers: ${c.orphansLeft}`,
    `  → ${c.pass ? 'PASS' : 'FAIL'} (target: accepted = completed, duplicated = 0)`,
  ];
}

export function writeResults(results, dir) {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
