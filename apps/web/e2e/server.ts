import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Starts the built Shopwire server on a free loopback port with its own temp data folder. */

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface TestServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(REPO, 'apps/server/bin/shopwire.js'), 'start'],
    {
      cwd: REPO,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        SHOPWIRE_DATA_DIR: dataDir,
        SHOPWIRE_PUBLIC_URL: url,
        SHOPWIRE_LOG_LEVEL: 'warn',
        SHOPWIRE_PRUNE_ENABLED: 'false',
        // tests call fakes on 127.0.0.1 (production default: private addresses blocked)
        SHOPWIRE_ALLOW_PRIVATE_NETWORKS: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));

  const stop = async () => {
    if (!exited) {
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(
      url,
      () => exited,
      () => output,
    );
    await checkEditorServed(url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, stop };
}

async function waitForHealth(url: string, exited: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`the Shopwire server exited while starting:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the Shopwire server did not answer /healthz within 30 s:\n${output()}`);
}

/** The server must serve the built editor at `/` (createStaticWebRoutes wired in apps/server/src/app.ts). */
async function checkEditorServed(url: string): Promise<void> {
  const res = await fetch(`${url}/workflows`);
  const body = await res.text();
  if (!res.ok || !body.includes('<div id="root">') || !body.includes('/assets/')) {
    throw new Error(
      `The server does not serve the editor at / (GET /workflows answered ${res.status}: ${body.slice(0, 120)}).\n` +
        'Wire the static routes in apps/server/src/app.ts (after the API and webhook routes):\n' +
        "  app.route('/', createStaticWebRoutes({ distDir: defaultWebDistDir() }))\n" +
        'and build with `npm run build`.',
    );
  }
}
