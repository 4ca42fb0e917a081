import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the BUILT server (`node apps/server/bin/shopwire.js start`) as a child process, the way a
 * user does. Tests fail (never skip) when the build is missing.
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const cliPath = path.join(repoRoot, 'apps/server/bin/shopwire.js');

export interface StartedServer {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  /** everything the server printed so far */
  logs(): string;
  /** sends a signal (default SIGKILL) and waits for the process to exit */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM, SIGKILL after 10 s; waits for the exit */
  stop(): Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  /** reuse a port (restarts); default: a free one */
  port?: number;
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function assertBuilt(): void {
  if (!existsSync(cliPath))
    throw new Error(`built server CLI missing: ${cliPath}. Run \`npm run build\` first.`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Environment for the server and the CLI: loopback only, quiet logs, the given data dir. */
export function serverEnv(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SHOPWIRE_DATA_DIR: dataDir,
    SHOPWIRE_LOG_LEVEL: 'warn',
    SHOPWIRE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    // the e2e workflows call fakes on 127.0.0.1 (production default: private addresses blocked)
    SHOPWIRE_ALLOW_PRIVATE_NETWORKS: 'true',
    ...env,
  };
}

export async function start(
  dataDir: string,
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<StartedServer> {
  assertBuilt();
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [cliPath, 'start'], {
    cwd: repoRoot,
    env: serverEnv(dataDir, port, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const isRunning = (): boolean => child.exitCode === null && child.signalCode === null;

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    if (!isRunning()) return;
    child.kill(signal);
    await exited;
  };
  const stop = async (): Promise<void> => {
    if (!isRunning()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const server: StartedServer = {
    url,
    port,
    pid: child.pid ?? -1,
    dataDir,
    logs: () => output,
    kill,
    stop,
    exited,
  };

  try {
    await waitHealthy(server, options.timeoutMs ?? 20_000);
  } catch (error) {
    await kill();
    throw error;
  }
  return server;
}

export async function waitHealthy(server: StartedServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void server.exited.then((info) => (exit = info));
  while (Date.now() < deadline) {
    if (exit)
      throw new Error(`server exited (${JSON.stringify(exit)}) before /healthz answered:\n${server.logs()}`);
    try {
      const res = await fetch(`${server.url}/healthz`);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.logs()}`);
}
