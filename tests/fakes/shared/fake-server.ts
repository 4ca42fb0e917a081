import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The small HTTP kit every service fake is built on: a real server on 127.0.0.1, a router with
 * `:param` segments, the raw body kept (fakes check signatures and content types like the real
 * services), and a log of what was received so tests can assert on it.
 */

export interface FakeRequest {
  method: string;
  url: URL;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
  rawBody: Buffer;
  /** parsed by content type: JSON, form fields, or the text */
  body: unknown;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** objects are sent as JSON; strings and buffers as-is */
  body?: unknown;
}

export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

interface Route {
  method: string;
  segments: string[];
  handler: FakeHandler;
}

export class FakeRouter {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: FakeHandler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  match(method: string, path: string): { handler: FakeHandler; params: Record<string, string> } | undefined {
    const parts = split(path);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((segment, i) => {
        const part = parts[i] as string;
        if (segment.startsWith(':')) {
          params[segment.slice(1)] = decodeURIComponent(part);
          return true;
        }
        return segment === part;
      });
      if (ok) return { handler: route.handler, params };
    }
    return undefined;
  }
}

export interface RunningFake {
  url: string;
  received: FakeRequest[];
  close(): Promise<void>;
}

export interface StartFakeOptions {
  router: FakeRouter;
  port?: number;
  /** answer for unmatched routes (each service has its own 404 envelope) */
  notFound?: (request: FakeRequest) => FakeResponse;
}

export async function startFake(options: StartFakeOptions): Promise<RunningFake> {
  const received: FakeRequest[] = [];
  let base = '';
  const server = createServer((req, res) => {
    readBody(req)
      .then(async (rawBody) => {
        const url = new URL(req.url ?? '/', base);
        const request: FakeRequest = {
          method: (req.method ?? 'GET').toUpperCase(),
          url,
          path: url.pathname,
          params: {},
          query: url.searchParams,
          headers: lowerHeaders(req),
          rawBody,
          body: parseBody(rawBody, String(req.headers['content-type'] ?? '')),
        };
        received.push(request);
        const found = options.router.match(request.method, request.path);
        if (!found)
          return send(res, options.notFound?.(request) ?? { status: 404, body: { error: 'not found' } });
        request.params = found.params;
        return send(res, await found.handler(request));
      })
      .catch((error: unknown) => send(res, { status: 500, body: { error: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string): unknown {
  if (raw.length === 0) return null;
  const text = raw.toString('utf8');
  if (contentType.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return undefined; // the fake's handler answers with the service's own "malformed" error
    }
  }
  if (contentType.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  return text;
}

function send(res: ServerResponse, response: FakeResponse): void {
  const headers = { ...response.headers };
  let body: string | Buffer = '';
  if (Buffer.isBuffer(response.body) || typeof response.body === 'string') body = response.body;
  else if (response.body !== undefined) {
    body = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(response.status, headers).end(body);
}
