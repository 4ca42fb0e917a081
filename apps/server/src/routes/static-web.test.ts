import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createStaticWebRoutes, EDITOR_CSP } from './static-web.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function appFor(distDir: string): Hono {
  const app = new Hono();
  app.get('/api/v1/ping', (c) => c.json({ ok: true }));
  app.route('/', createStaticWebRoutes({ distDir }));
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'no route' } }, 404));
  return app;
}

function builtDist(): string {
  const dist = tempDir();
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.css'), 'body{}');
  fs.writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *');
  return dist;
}

describe('createStaticWebRoutes', () => {
  it('serves hashed assets with their content type and a long immutable cache', async () => {
    const app = appFor(builtDist());
    const js = await app.request('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log(1)');
    const css = await app.request('/assets/index-abc123.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const txt = await app.request('/robots.txt');
    expect(txt.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers index.html with no-cache and the CSP for client-side routes', async () => {
    const app = appFor(builtDist());
    for (const url of ['/', '/workflows', '/workflows/abc', '/executions/x1?status=error']) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBe(EDITOR_CSP);
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('never answers index.html for API, webhook and health paths, or missing assets', async () => {
    const app = appFor(builtDist());
    expect((await app.request('/api/v1/ping')).status).toBe(200);
    for (const url of [
      '/api/v1/nope',
      '/api',
      '/webhook/x',
      '/webhook-test/y',
      '/healthz',
      '/readyz',
      '/assets/gone-1.js',
      '/favicon.ico',
    ]) {
      const res = await app.request(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type'), url).toContain('application/json');
    }
  });

  it('does not serve files outside the dist folder', async () => {
    const parent = tempDir();
    const dist = path.join(parent, 'dist');
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, 'index.html'), 'INDEX');
    fs.writeFileSync(path.join(parent, 'secret.txt'), 'SECRET');
    const app = appFor(dist);
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const res = await app.request(url);
      expect(await res.text(), url).not.toContain('SECRET');
    }
  });

  it('says how to build the editor when dist is missing', async () => {
    const app = appFor(path.join(tempDir(), 'missing'));
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('the editor is not built: run npm run build');
    expect((await app.request('/api/v1/nope')).status).toBe(404);
  });
});
