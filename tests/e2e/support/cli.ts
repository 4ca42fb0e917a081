import { execFile } from 'node:child_process';
import { assertBuilt, cliPath, repoRoot, serverEnv } from './server.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `shopwire <args>` (the built CLI) against a data dir; never throws on a non-zero exit. */
export function runCli(
  args: string[],
  options: { dataDir: string; port?: number; env?: Record<string, string> },
): Promise<CliResult> {
  assertBuilt();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliPath, ...args],
      { cwd: repoRoot, env: serverEnv(options.dataDir, options.port ?? 5800, options.env), timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
