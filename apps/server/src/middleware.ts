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
    if (c.req.path.startsWith('/api/') && !headers.has('Cache-Control'))
      headers.set('Cache-Control', 'no-store');
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
