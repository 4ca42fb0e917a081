// Serves the built editor harness (perf/dist) next to a real Shopwire server, for perf/measure.mjs
// and the editor e2e tests when the app shell is not there. Usage: startHarness() → { url, stop }.
// /api, /webhook and /webhook-test are proxied to the real server. POST /api/v1/expressions/preview
// is answered here with the server's own expressionPreviewRoutes + a sandbox pool, until the lead
// wires that route into the route table.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverDist = path.resolve(here, '../../server/dist');
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

export async function startHarness(options = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  const imp = (f) => import(pathToFileURL(path.join(serverDist, f)).href);
  const { loadConfig } = await imp('config.js');
  const { createLogger } = await imp('logger.js');
  const { startServer } = await imp('server.js');
  const config = loadConfig({
    env: { SHOPWIRE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SHOPWIRE_LOG_LEVEL: 'error', SHOPWIRE_PRUNE_ENABLED: 'false', ...(options.env ?? {}) },
  });
  const logger = createLogger({ level: 'error', write: () => undefined });
  const server = await startServer({ config, logger });
  const backend = `http://127.0.0.1:${server.port}`;

  let previewHandler;
  let sandbox;
  try {
    const { expressionPreviewRoutes } = await imp('routes/expression-preview.js');
    const { createSandboxPool } = await import('@shopwire/sandbox');
    sandbox = createSandboxPool({ size: 1 });
    const [def] = expressionPreviewRoutes({ ...server, config, logger, sandbox });
    previewHandler = async (body) => def.handler({}, { body: def.body.parse(body), query: {}, params: {}, auth: undefined });
  } catch (e) {
    console.warn('expression preview unavailable in harness:', e.message);
  }

  const dist = path.join(here, 'dist');
  const proxy = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (previewHandler && req.method === 'POST' && url.pathname === '/api/v1/expressions/preview') {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      try {
        const out = await previewHandler(JSON.parse(Buffer.concat(chunks).toString() || '{}'));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
      } catch (e) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'BAD_REQUEST', message: e.message } }));
      }
      return;
    }
    if (/^\/(api|webhook|webhook-test)(\/|$)/.test(url.pathname)) {
      const up = http.request(backend + req.url, { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
      return;
    }
    let file = path.join(dist, path.normalize(url.pathname));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html');
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${proxy.address().port}`;
  return {
    url,
    backend,
    server,
    async stop() {
      proxy.closeAllConnections?.();
      await new Promise((r) => proxy.close(r));
      await server.close(5000);
      await sandbox?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates the owner and returns the session cookie (name=value). */
export async function setupOwner(base) {
  const res = await fetch(`${base}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@example.com', password: 'correct horse battery staple', name: 'Owner' }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('shopwire_session='));
  if (!cookie) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const h = await startHarness();
  const cookie = await setupOwner(h.url);
  console.log(JSON.stringify({ url: h.url, cookie }));
  process.on('SIGINT', () => void h.stop().then(() => process.exit(0)));
}
