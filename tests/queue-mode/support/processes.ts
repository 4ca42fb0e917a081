import { spawn, type ChildProcess } from 'node:child_process';
import { assertBuilt, cliPath, repoRoot } from '../../e2e/support/server.js';

/**
 * One `shopwire start` or `shopwire worker` child process of the BUILT CLI. It is ready when it
 * logs `listening` (start: the URL of its port, PORT=0) or `worker ready` (worker: its instance id,
 * the `claimed_by` of the executions it runs).
 */

export type Role = 'start' | 'worker';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface QmProcess {
  role: Role;
  /** start-1, worker-2, ... (for messages) */
  name: string;
  pid: number;
  /** start: http://127.0.0.1:<port>; worker: '' */
  url: string;
  /** worker: runtime instance id (executions.claimed_by); start: '' (not logged) */
  instanceId: string;
  /** everything it printed so far */
  logs(): string;
  running(): boolean;
  /** sends a signal (default SIGKILL) and waits for the exit */
  kill(signal?: NodeJS.Signals): Promise<ExitInfo>;
  readonly exited: Promise<ExitInfo>;
}

/** children still running: killed when the test process exits, whatever happened (last resort) */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export async function spawnProcess(options: {
  role: Role;
  name: string;
  env: NodeJS.ProcessEnv;
  args?: string[];
  timeoutMs?: number;
}): Promise<QmProcess> {
  assertBuilt();
  const child = spawn(process.execPath, [cliPath, options.role, ...(options.args ?? [])], {
    cwd: repoRoot,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const keep = (text: string): void => {
    output += text;
    if (output.length > 400_000) output = output.slice(-200_000);
  };
  let ready: ((line: Record<string, unknown>) => void) | undefined;
  let pending = '';
  const readyMsg = options.role === 'start' ? 'listening' : 'worker ready';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    keep(text);
    if (!ready) return;
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const parsed = parseLine(line);
      if (parsed?.['msg'] === readyMsg) ready(parsed);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => keep(chunk.toString()));
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<ExitInfo> => {
    if (running()) child.kill(signal);
    return exited;
  };

  const timeoutMs = options.timeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const line = await Promise.race([
      new Promise<Record<string, unknown>>((resolve) => (ready = resolve)),
      exited.then((info) => {
        throw new Error(`${options.name} exited (${JSON.stringify(info)}) before "${readyMsg}":\n${output}`);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${options.name}: no "${readyMsg}" within ${timeoutMs} ms:\n${output}`)),
          timeoutMs,
        );
      }),
    ]);
    ready = undefined;
    return {
      role: options.role,
      name: options.name,
      pid: child.pid ?? -1,
      url: typeof line['url'] === 'string' ? line['url'] : '',
      instanceId: typeof line['instanceId'] === 'string' ? line['instanceId'] : '',
      logs: () => output,
      running,
      kill,
      exited,
    };
  } catch (error) {
    await kill();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** SIGKILLs every child this test file spawned that still runs (also those not ready yet) */
export async function killSpawned(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

function parseLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
