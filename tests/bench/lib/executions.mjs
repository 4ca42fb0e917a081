// Counts stored executions straight from the SQLite file (read-only), to prove every request persisted.
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sleep } from './server-process.mjs';

const require = createRequire(import.meta.url);

/** The SQLite database in the data dir (the biggest *.db / *.sqlite / *.sqlite3 file). */
export function findDatabase(dataDir) {
  const candidates = [];
  const walk = (dir, depth) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory() && depth < 2) walk(full, depth + 1);
      else if (/\.(db|sqlite3?)$/.test(name)) candidates.push({ full, size: stat.size });
    }
  };
  walk(dataDir, 0);
  candidates.sort((a, b) => b.size - a.size);
  return candidates[0]?.full;
}

/** { total, byStatus: { success: n, ... } } */
export function countExecutions(dataDir) {
  const file = findDatabase(dataDir);
  if (!file) throw new Error(`no SQLite database found in ${dataDir}`);
  const Database = require('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const rows = db.prepare('SELECT status, COUNT(*) AS n FROM executions GROUP BY status').all();
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    return { total, byStatus };
  } finally {
    db.close();
  }
}

/** Waits until no execution is queued or running (or the timeout), then returns the counts. */
export async function settledCounts(dataDir, { timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let counts = countExecutions(dataDir);
  while (Date.now() < deadline && ((counts.byStatus.queued ?? 0) > 0 || (counts.byStatus.running ?? 0) > 0)) {
    await sleep(250);
    counts = countExecutions(dataDir);
  }
  return counts;
}
