// Measures this machine's ceiling (tests/bench/ceiling/server.mjs) with the same load as S1, so the
// results can be read against the machine they ran on: the targets were set on a machine
// whose ceiling was ~10,000 req/s (S1 >= 5,000 is half of it, S2 >= 4,000 is 40%).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ORDER, ORDER_TOTAL, hasTotal, postJson } from './payload.mjs';
import { runLoad } from './load.mjs';
import { freePort, sleep } from './server-process.mjs';

const serverFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '../ceiling/server.mjs');
/** the ceiling measured where the targets were set (the issue's own figure) */
export const REFERENCE_CEILING_RPS = 10_000;

/** Starts the ceiling server, checks one answer, loads it at `connections`; returns the load row. */
export async function measureCeiling({ connections, durationS, warmupS }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sw-ceiling-'));
  const port = await freePort();
  const child = spawn(process.execPath, [serverFile], {
    env: { ...process.env, PORT: String(port), CEILING_DB: path.join(dir, 'ceiling.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = `http://127.0.0.1:${port}/webhook/bench-s1`;
    const deadline = Date.now() + 10_000;
    while (!output.includes('ready')) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`the ceiling server did not start:\n${output}`);
      await sleep(20);
    }
    const answer = await postJson(url, ORDER);
    if (!hasTotal(answer, ORDER_TOTAL))
      throw new Error(`the ceiling server answered ${answer.status} ${answer.text.slice(0, 200)}`);
    await runLoad({ url, body: ORDER, connections, durationS: warmupS });
    return { scenario: 'ceiling', ...(await runLoad({ url, body: ORDER, connections, durationS })) };
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A result scaled to the reference machine: `rps` × reference ceiling / this machine's ceiling. */
export function scaledToReference(rps, ceilingRps) {
  if (typeof rps !== 'number' || typeof ceilingRps !== 'number' || ceilingRps <= 0) return undefined;
  return (rps * REFERENCE_CEILING_RPS) / ceilingRps;
}
