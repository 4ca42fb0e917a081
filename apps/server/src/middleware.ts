import type { MiddlewareHandler } from 'hono';
import type { ServerLogger } from './logger.js';

/** Security headers on every response. No CORS: the editor is served from the same origin. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Frame-Options', 'DENY');
    const path = c.req.path;
    // the editor's pages carry their own CSP (static-web.ts); API and webhook answers are never framed
    if (path.startsWith('/api/') && !headers.has('Content-Security-Policy'))
      headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    else if (path.startsWith('/webhook') && !headers.has('Content-Security-Policy'))
      headers.set('Content-Security-Policy', "frame-ancestors 'none'");
    if (path.startsWith('/api/') && !headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
    // CORS is off: the API is same-origin only, so no route may grant another origin access
    if (path.startsWith('/api/')) {
      headers.delete('Access-Control-Allow-Origin');
      headers.delete('Access-Control-Allow-Credentials');
    }
  };
}

/**
 * CORS preflights are refused (405, no Access-Control-* headers): browsers then block cross-origin
 * API calls with custom headers or JSON bodies. Same-origin requests never send a preflight.
 */
export function refuseCorsPreflight(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'OPTIONS') return next();
    return c.json(
      {
        error: {
          code: 'CORS_NOT_ALLOWED',
          message:
            'cross-origin requests are not supported: call the API from the same origin or from a server',
        },
      },
      405,
      { Allow: 'GET, HEAD, POST, PUT, PATCH, DELETE' },
    );
  };
}

/** One line per request: info for the API, debug for webhooks (hot path) and health probes. */
export function accessLog(logger: ServerLogger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const path = c.req.path;
    const quiet = path.startsWith('/webhook') || path === '/healthz' || path === '/readyz';
    const level = quiet ? 'debug' : 'info';
    if (!logger.enabled(level)) return;
    logger[level]('request', {
      method: c.req.method,
      path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
