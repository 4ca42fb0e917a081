import { execFile, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookWorkflow } from '../test-support/test-server.js';

// Runs the built CLI (bin/shopwire.js → dist/main.js) as child processes on a temp data folder.
const BIN = fileURLToPath(new URL('../../bin/shopwire.js', import.meta.url));
const DIST_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

let dataDir: string;
let env: Record<string, string>;
let server: ReturnType<typeof spawn> | undefined;
let base = '';

// async, not spawnSync: a blocked event loop can't see the server close an idle keep-alive
// socket, and the next fetch on it then fails with "other side closed" (seen on a loaded machine)
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env, encoding: 'utf8', timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  expect(fs.existsSync(DIST_MAIN), 'apps/server/dist is missing: run npm run build').toBe(true);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  env = {
    ...(process.env as Record<string, string>),
    SHOPWIRE_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SHOPWIRE_LOG_LEVEL: 'info',
  };
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<void> {
  server = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15_000);
    server!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    server!.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

describe('shopwire CLI', () => {
  it('refuses an API key before the owner exists, and rejects unknown commands', async () => {
    const noOwner = await cli('api-key', 'create', '--name', 'ci');
    expect(noOwner.code).toBe(1);
    expect(noOwner.stderr).toContain('create the owner account first');
    expect(noOwner.stdout).toBe('');
    expect((await cli('frobnicate')).code).toBe(2);
    const worker = await cli('worker');
    expect(worker.code).toBe(2);
    expect(worker.stderr).toContain('set SHOPWIRE_QUEUE=redis');
    const badEnv = spawnSync(process.execPath, [BIN, 'export', 'x'], {
      env: { ...env, SHOPWIRE_CONCURRENCY: 'lots' },
      encoding: 'utf8',
    });
    expect(badEnv.status).toBe(1);
    expect(badEnv.stderr).toContain('SHOPWIRE_CONCURRENCY');
  });

  it('creates an API key, imports and activates a workflow, and exports it, next to a running server', async () => {
    await startServer();
    const setup = await fetch(`${base}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.com', name: 'Owner', password: 'correct horse battery' }),
    });
    expect(setup.status).toBe(201);

    const created = await cli('api-key', 'create', '--name', 'ci', '--email', 'owner@example.com');
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(created.stdout).toMatch(/^sw_[A-Za-z0-9_-]+\n$/);
    const auth = { authorization: `Bearer ${key}` };
    expect((await fetch(`${base}/api/v1/me`, { headers: auth })).status).toBe(200);
    expect((await cli('api-key', 'list')).stdout).toContain('ci');

    const file = path.join(dataDir, 'flow.json');
    fs.writeFileSync(file, JSON.stringify(webhookWorkflow('cli/hook', 'From CLI')));
    const imported = await cli('import', file, '--activate');
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.stdout.trim();
    expect(imported.stdout).toBe(`${id}\n`);
    const workflow = (await (await fetch(`${base}/api/v1/workflows/${id}`, { headers: auth })).json()) as {
      active: boolean;
      name: string;
    };
    expect(workflow).toMatchObject({ active: true, name: 'From CLI' });
    // the running server serves the webhook registered by the CLI in the shared database
    const hook = await fetch(`${base}/webhook/cli/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(hook.status).toBeLessThan(300);

    const exported = await cli('export', id);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ id, name: 'From CLI' });
    const out = path.join(dataDir, 'out.json');
    expect((await cli('export', id, '--out', out)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).id).toBe(id);

    // re-import with the id updates the same workflow
    fs.writeFileSync(file, JSON.stringify({ ...webhookWorkflow('cli/hook', 'Renamed'), id }));
    const again = await cli('import', file);
    expect(again.stdout.trim()).toBe(id);
    const renamed = (await (await fetch(`${base}/api/v1/workflows/${id}`, { headers: auth })).json()) as {
      version: number;
      name: string;
    };
    expect(renamed).toMatchObject({ version: 2, name: 'Renamed' });

    const keyId = (await cli('api-key', 'list')).stdout.split('\t')[0]!;
    const revoked = await cli('api-key', 'revoke', keyId);
    expect(revoked.code).toBe(0);
    expect((await fetch(`${base}/api/v1/me`, { headers: auth })).status).toBe(401);
  });

  it('names the offending field of a bad workflow file', async () => {
    const file = path.join(dataDir, 'bad.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ name: 'Bad', nodes: [{ id: 'a', name: 'A', type: 'core.nope' }] }),
    );
    const result = await cli('import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nodes.0.type');
    expect(result.stdout).toBe('');
    expect((await cli('export', 'wf_missing')).code).toBe(1);
  });
});
