import http from 'node:http';
import {
  setupOwner,
  startTestServer,
  type RequestOptions,
  type TestResponse,
  type TestServer,
} from '@shopwire/server/test-support';

/** A real server plus an API key (API-key requests need no CSRF token) and a tiny client. */
export interface SecuredServer {
  server: TestServer;
  key: string;
  api(method: string, path: string, json?: unknown): Promise<TestResponse>;
  raw(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  /** the authentication headers `api` sends (for raw node:http requests) */
  authHeaders: Record<string, string>;
}

export async function startSecured(env: Record<string, string> = {}): Promise<SecuredServer> {
  const server = await startTestServer(env);
  const cookie = await setupOwner(server);
  const me = await server.request('GET', '/api/v1/me', { cookie });
  const csrf = typeof me.json?.csrfToken === 'string' ? (me.json.csrfToken as string) : undefined;
  const created = await server.request('POST', '/api/v1/api-keys', {
    cookie,
    json: { name: 'security tests' },
    ...(csrf ? { headers: { 'x-csrf-token': csrf } } : {}),
  });
  // an API key when the server offers them; else the owner's session with its CSRF token
  const key = created.status === 201 ? (created.json.key as string) : '';
  const auth = (options: RequestOptions): RequestOptions =>
    key
      ? { apiKey: key, ...options }
      : { cookie, ...options, headers: { ...(csrf ? { 'x-csrf-token': csrf } : {}), ...options.headers } };
  const authHeaders: Record<string, string> = key
    ? { authorization: `Bearer ${key}` }
    : { cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) };
  return {
    server,
    key,
    authHeaders,
    api: (method, path, json) => server.request(method, path, auth(json === undefined ? {} : { json })),
    raw: (method, path, options = {}) => server.request(method, path, auth(options)),
  };
}

/** Creates a workflow and returns its id (throws with the server's answer otherwise). */
export async function createWorkflow(s: SecuredServer, document: unknown): Promise<string> {
  const res = await s.api('POST', '/api/v1/workflows', document);
  if (res.status !== 201) throw new Error(`create workflow: ${res.status} ${res.text}`);
  return res.json.id as string;
}

export async function activate(s: SecuredServer, id: string): Promise<void> {
  const res = await s.api('POST', `/api/v1/workflows/${id}/activate`);
  if (res.status >= 300) throw new Error(`activate: ${res.status} ${res.text}`);
}

/** Runs a workflow and waits for its end; returns the execution detail. */
export async function runAndWait(s: SecuredServer, id: string, timeoutMs = 20_000): Promise<TestResponse> {
  return s.api('POST', `/api/v1/workflows/${id}/run`, { wait: true, timeoutMs });
}

/**
 * One request over a fresh connection with node:http: a server may answer 413 and close before a
 * big upload ends (fetch reports that as a network error), and a fresh socket avoids keep-alive races.
 */
export function rawRequest(options: {
  port: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method,
        path: options.path,
        agent: false,
        headers: {
          ...options.headers,
          connection: 'close',
          'content-length': Buffer.byteLength(options.body),
        },
      },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(options.body);
  });
}
