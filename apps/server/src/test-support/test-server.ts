import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { csrfTokenFor } from '../auth/csrf.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startServer, type RunningServer } from '../server.js';

/**
 * A real server for tests: temp data folder, real store, registry, sandbox and runtime, real HTTP
 * on 127.0.0.1 port 0. `logs` collects every log line (to check that secrets never reach them).
 */

export interface TestServer extends RunningServer {
  dataDir: string;
  logs: string[];
  request(method: string, urlPath: string, options?: RequestOptions): Promise<TestResponse>;
  stop(): Promise<void>;
}

export interface RequestOptions {
  json?: unknown;
  /** raw body text (sent with content-type application/json unless headers say otherwise) */
  body?: string;
  headers?: Record<string, string>;
  cookie?: string;
  apiKey?: string;
  /** unsafe methods with a session cookie send X-CSRF-Token like the editor does; false: don't */
  csrf?: boolean;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
  /** `name=value` of a Set-Cookie for the session, if any */
  sessionCookie: string | undefined;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  const logs: string[] = [];
  const config = loadConfig({
    env: {
      SHOPWIRE_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SHOPWIRE_LOG_LEVEL: 'debug',
      SHOPWIRE_PRUNE_ENABLED: 'false',
      // tests talk to fakes on 127.0.0.1: opt in explicitly (production default: blocked)
      SHOPWIRE_ALLOW_PRIVATE_NETWORKS: 'true',
      ...env,
    },
  });
  const logger = createLogger({ level: config.logLevel, write: (line) => void logs.push(line) });
  const server = await startServer({ config, logger, useSourceCondition: true });
  const base = `http://127.0.0.1:${server.port}`;

  async function request(
    method: string,
    urlPath: string,
    options: RequestOptions = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.json !== undefined) body = JSON.stringify(options.json);
    if (options.body !== undefined) body = options.body;
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
    if (options.cookie) headers['cookie'] = options.cookie;
    const session = /(?:^|;\s*)shopwire_session=([^;]+)/.exec(options.cookie ?? '')?.[1];
    if (session && options.csrf !== false && !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()))
      headers['x-csrf-token'] ??= csrfTokenFor(session);
    if (options.apiKey) headers['authorization'] = `Bearer ${options.apiKey}`;
    const res = await fetch(base + urlPath, { method, headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('shopwire_session='));
    return { status: res.status, headers: res.headers, text, json, sessionCookie: setCookie?.split(';')[0] };
  }

  return {
    ...server,
    dataDir,
    logs,
    request,
    async stop() {
      await server.close(2000);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The X-CSRF-Token header a browser sends with this session cookie (`shopwire_session=...`). */
export function csrfHeader(cookie: string): Record<string, string> {
  const token = /(?:^|;\s*)shopwire_session=([^;]+)/.exec(cookie)?.[1] ?? '';
  return { 'x-csrf-token': csrfTokenFor(token) };
}

/** Runs owner setup and returns the session cookie. */
export async function setupOwner(server: TestServer, password = 'correct horse battery'): Promise<string> {
  const res = await server.request('POST', '/api/v1/setup', {
    json: { email: 'owner@example.com', name: 'Owner', password },
  });
  if (res.status !== 201 || !res.sessionCookie) throw new Error(`setup failed: ${res.status} ${res.text}`);
  return res.sessionCookie;
}

/** A small valid workflow: manual trigger → Set. */
export function manualWorkflow(name = 'Manual test') {
  return {
    name,
    nodes: [
      { id: 'trigger', name: 'Start', type: 'core.manualTrigger', params: {} },
      {
        id: 'set',
        name: 'Set',
        type: 'core.set',
        params: { fields: [{ name: 'greeting', value: 'hello' }] },
      },
    ],
    connections: [{ from: { node: 'trigger' }, to: { node: 'set' } }],
  };
}

/** A workflow that can be activated: webhook → Set. */
export function webhookWorkflow(webhookPath: string, name = 'Webhook test') {
  return {
    name,
    nodes: [
      { id: 'hook', name: 'Webhook', type: 'core.webhook', params: { path: webhookPath, method: 'POST' } },
      { id: 'set', name: 'Set', type: 'core.set', params: { fields: [{ name: 'seen', value: true }] } },
    ],
    connections: [{ from: { node: 'hook' }, to: { node: 'set' } }],
  };
}

/**
 * Sends a large body with node:http: the server may answer 413 and close before the upload ends,
 * which fetch reports as a network error instead of the response.
 */
export function sendLargeBody(options: {
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
        headers: { ...options.headers, 'content-length': Buffer.byteLength(options.body) },
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
