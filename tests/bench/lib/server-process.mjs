// Starts and stops the BUILT server (apps/server/bin/shopwire.js) as a child process.
import { spawn, execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { appendFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const cliPath = path.join(repoRoot, 'apps/server/bin/shopwire.js');

/** A port that was free a moment ago (the server is given it through PORT). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function serverEnv({ dataDir, port, extra = {} }) {
  return {
    ...process.env,
    PORT: String(port ?? 0),
    HOST: '127.0.0.1',
    SHOPWIRE_DATA_DIR: dataDir,
    SHOPWIRE_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    // pruning keeps 10,000 executions per workflow by default: it would hide lost executions
    SHOPWIRE_PRUNE_ENABLED: 'false',
    // fakes listen on 127.0.0.1; the load tests hammer one webhook path far above the default limit
    SHOPWIRE_ALLOW_PRIVATE_NETWORKS: 'true',
    SHOPWIRE_WEBHOOK_RATE_LIMIT: '0',
    ...extra,
  };
}

/**
 * Spawns `shopwire start` (or `args`, e.g. a worker with a health port). Returns timing marks so
 * callers can measure cold start: `spawnedAt` is taken right before spawn (performance.now()).
 */
export function startServer({ dataDir, port, extraEnv = {}, args = ['start'] }) {
  if (!existsSync(cliPath)) throw new Error(`built CLI not found at ${cliPath} (run npm run build)`);
  const logs = [];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    env: serverEnv({ dataDir, port, extra: extraEnv }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // BENCH_LOG_DIR=/some/dir keeps every process's whole output (investigations), not just a tail
  const file =
    process.env.BENCH_LOG_DIR && path.join(process.env.BENCH_LOG_DIR, `${child.pid}-${args[0]}.log`);
  const keep = (chunk) => {
    logs.push(chunk.toString());
    if (logs.length > 500) logs.shift();
    if (file) appendFileSync(file, chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, pid: child.pid, url: `http://127.0.0.1:${port}`, spawnedAt, logs, exited };
}

/** Polls `/healthz` until it answers 200; returns ms since spawn. */
export async function waitHealthy(server, { timeoutMs = 20_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let exitInfo;
  server.exited.then((info) => (exitInfo = info));
  while (Date.now() < deadline) {
    if (exitInfo)
      throw new Error(`server exited (${JSON.stringify(exitInfo)}) before healthy:\n${server.logs.join('')}`);
    try {
      const res = await fetch(`${server.url}/healthz`);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - server.spawnedAt;
    } catch {
      // not listening yet
    }
    await sleep(5);
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.logs.join('')}`);
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
export async function stopServer(server, { graceMs = 10_000 } = {}) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  await server.exited;
  clearTimeout(timer);
}

/** Runs the CLI to completion; resolves with trimmed stdout, rejects with stderr on non-zero exit. */
export function runCli(args, { dataDir, port, extraEnv = {} }) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cliPath, ...args],
      { cwd: repoRoot, env: serverEnv({ dataDir, port, extra: extraEnv }), timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`shopwire ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        else resolve(stdout.trim());
      },
    );
  });
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
