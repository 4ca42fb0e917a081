import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { serverRoot } from '../server-root.js';

/**
 * Serves the built editor (apps/web/dist) at `/`: hashed `/assets/*` with a year-long immutable
 * cache, everything else `no-cache`, and index.html for any other GET that is not an API, webhook
 * or health path (client-side routes such as /workflows/abc). Mount it AFTER the API and webhook
 * routes. When the editor is not built, pages say how to build it instead of a bare 404.
 */

export const EDITOR_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shopwire</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>Shopwire is running</h1>
<p>the editor is not built: run npm run build (then reload this page).</p>
<p>The REST API is available under <code>/api/v1</code> (see <code>/api/v1/openapi.json</code>).</p>
</body></html>`;

/** Paths that never fall back to index.html (they 404 as JSON from the app instead). */
export function isReservedPath(pathname: string): boolean {
  return (
    pathname === '/api' ||
    pathname.startsWith('/api/') ||
    pathname === '/webhook' ||
    pathname.startsWith('/webhook/') ||
    pathname === '/webhook-test' ||
    pathname.startsWith('/webhook-test/') ||
    pathname === '/healthz' ||
    pathname === '/readyz'
  );
}

/** apps/web/dist, beside this package (apps/server). */
export function defaultWebDistDir(): string {
  return path.join(path.dirname(serverRoot()), 'web', 'dist');
}

export function createStaticWebRoutes(options: { distDir: string }): Hono {
  const root = path.resolve(options.distDir);
  const indexFile = path.join(root, 'index.html');
  const app = new Hono();

  app.get('*', async (c, next) => {
    const pathname = c.req.path;
    if (isReservedPath(pathname)) return next();

    const file = resolveInside(root, pathname);
    if (file && file !== indexFile) {
      const body = await readFileIfExists(file);
      if (body) {
        const immutable = pathname.startsWith('/assets/');
        return send(c, body, contentType(file), immutable ? IMMUTABLE : 'no-cache');
      }
      // a missing hashed asset is a real 404 (an old tab asking for a file of a previous build)
      if (pathname.startsWith('/assets/') || path.extname(pathname) !== '') return next();
    }

    const index = await readFileIfExists(indexFile);
    if (!index) {
      c.header('Cache-Control', 'no-cache');
      return c.html(NOT_BUILT_PAGE, 200);
    }
    c.header('Content-Security-Policy', EDITOR_CSP);
    return send(c, index, CONTENT_TYPES['.html'] ?? 'text/html', 'no-cache');
  });

  return app;
}

function send(c: Context, body: Buffer, type: string, cacheControl: string): Response {
  c.header('Content-Type', type);
  c.header('Cache-Control', cacheControl);
  if (type.startsWith('text/html')) c.header('Content-Security-Policy', EDITOR_CSP);
  // a standalone ArrayBuffer: Node's Buffer may be a view into a shared pool
  const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  return c.body(bytes, 200);
}

function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file for a URL path, or undefined when the path would escape the dist folder. */
function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  return file;
}

async function readFileIfExists(file: string): Promise<Buffer | undefined> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return undefined;
    return await fs.promises.readFile(file);
  } catch {
    return undefined;
  }
}
