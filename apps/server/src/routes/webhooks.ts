import { Hono, type Context } from 'hono';
import type { ServerLogger } from '../logger.js';
import { refuseCorsPreflight, securityHeaders } from '../middleware.js';
import { readNodeWebhookBody, readWebhookBody, type NodeIncoming } from '../runtime/webhook-body.js';
import type { Runtime, WebhookHttpResponse } from '../runtime/types.js';

/** What the API's securityHeaders() middleware would set (it does not run for webhooks). */
const FORCED_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};
/** a Respond to Webhook node may set its own CSP */
const DEFAULT_CSP = "frame-ancestors 'none'";

export interface WebhookRouteOptions {
  maxBodyBytes: number;
  /** access log: one debug line per webhook call, only while debug is enabled */
  logger?: ServerLogger;
}

/**
 * `ALL /webhook/*` (active workflows) and `ALL /webhook-test/*` (the editor listening). The body is
 * read here under a size limit and parsed by content type; the runtime does the rest. Mounted
 * before the API middleware (hot path): answers carry their security headers from toResponse().
 */
export function createWebhookRoutes(runtime: Runtime, options: WebhookRouteOptions): Hono {
  const app = new Hono();
  const { logger } = options;

  async function handle(c: Context, test: boolean): Promise<Response> {
    if (logger?.enabled('debug') !== true) return answer(c, test);
    const started = performance.now();
    const response = await answer(c, test);
    logger.debug('request', {
      method: c.req.method,
      path: c.req.path,
      status: response.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
    return response;
  }

  async function answer(c: Context, test: boolean): Promise<Response> {
    const request = c.req.raw;
    // under @hono/node-server, read Node's request directly: no web Request/stream per call (hot path)
    const incoming = (c.env as { incoming?: NodeIncoming & { readableEnded?: boolean } } | undefined)
      ?.incoming;
    const url = new URL(request.url);
    const prefix = test ? '/webhook-test/' : '/webhook/';
    const at = url.pathname.indexOf(prefix);
    const path = at === -1 ? '' : url.pathname.slice(at + prefix.length);
    const body =
      incoming && typeof incoming.on === 'function' && !incoming.readableEnded
        ? await readNodeWebhookBody(incoming, options.maxBodyBytes)
        : await readWebhookBody(request, options.maxBodyBytes);
    if (!body.ok) return toResponse(body.response);
    const response = await runtime.handleWebhook({
      method: request.method.toUpperCase(),
      url: request.url,
      path,
      pathParams: {},
      query: queryOf(url),
      headers: incoming ? nodeHeaders(incoming.headers) : webHeaders(request.headers),
      rawBody: body.rawBody,
      body: body.body,
      test,
    });
    return toResponse(response);
  }

  // CORS preflights are refused like on the API (cold path: the middleware only runs for OPTIONS)
  app.on('OPTIONS', ['/webhook/*', '/webhook-test/*'], securityHeaders(), refuseCorsPreflight());
  app.all('/webhook/*', (c) => handle(c, false));
  app.all('/webhook-test/*', (c) => handle(c, true));
  return app;
}

function queryOf(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  if (url.search === '') return query;
  for (const [key, value] of url.searchParams) query[key] = value;
  return query;
}

/** Node already lower-cases header names; repeated headers are joined like fetch does. */
function nodeHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in headers) {
    const value = headers[key];
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function webHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

function toResponse(response: WebhookHttpResponse): Response {
  const body = typeof response.body === 'string' ? response.body : (response.body as Uint8Array<ArrayBuffer>);
  const status = response.status;
  const headers = response.headers;
  for (const name in FORCED_HEADERS) headers[name] = FORCED_HEADERS[name] as string;
  headers['content-security-policy'] ??= DEFAULT_CSP;
  // 204/304 must not carry a body
  return new Response(status === 204 || status === 304 || body.length === 0 ? null : body, {
    status,
    headers,
  });
}
