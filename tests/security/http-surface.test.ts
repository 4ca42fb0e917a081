import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendLargeBody } from '@shopwire/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, createWorkflow, runAndWait, startSecured, type SecuredServer } from './support.js';

/** Security headers, CORS, body limits, strict body parsing, webhook auth and rate limits, SSRF. */

let s: SecuredServer;
beforeAll(async () => {
  s = await startSecured({
    SHOPWIRE_MAX_BODY_BYTES: '4096',
    // the production default: outgoing requests to local addresses are refused
    SHOPWIRE_ALLOW_PRIVATE_NETWORKS: 'false',
  });
});
afterAll(async () => {
  await s.server.stop();
});

function echoHook(path: string, extra: Record<string, unknown> = {}, credentials?: Record<string, string>) {
  return {
    name: `hook ${path}`,
    nodes: [
      {
        id: 'hook',
        name: 'Webhook',
        type: 'core.webhook',
        params: { path, method: 'POST', responseMode: 'lastNode', ...extra },
        ...(credentials ? { credentials } : {}),
      },
      { id: 'noop', name: 'Done', type: 'core.noOp', params: {} },
    ],
    connections: [{ from: { node: 'hook' }, to: { node: 'noop' } }],
  };
}

async function executionCount(workflowId: string): Promise<number> {
  const res = await s.api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=100`);
  return (res.json.items as unknown[]).length;
}

describe('security headers and CORS', () => {
  it('API, webhook and error answers carry nosniff, no framing, no referrer; API answers are not cached', async () => {
    const wf = await createWorkflow(s, echoHook('headers'));
    await activate(s, wf);
    const answers = [
      await s.api('GET', '/api/v1/workflows'),
      await s.server.request('GET', '/api/v1/workflows'), // 401
      await s.api('GET', '/api/v1/nope'), // 404
      await s.server.request('POST', '/webhook/headers', { json: { a: 1 } }),
      await s.server.request('POST', '/webhook/missing', { json: {} }),
    ];
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(answers[0]!.headers.get('cache-control')).toBe('no-store');
    expect(answers[0]!.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it('refuses CORS preflights and never grants another origin', async () => {
    for (const path of ['/api/v1/workflows', '/api/v1/login', '/webhook/headers']) {
      const res = await s.server.request('OPTIONS', path, {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(res.status, path).toBe(405);
      expect(res.json.error.code).toBe('CORS_NOT_ALLOWED');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-methods')).toBeNull();
    }
    const simple = await s.raw('GET', '/api/v1/workflows', { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request size limits', () => {
  it('answers 413 on API bodies over 1 MiB and webhook bodies over SHOPWIRE_MAX_BODY_BYTES', async () => {
    const big = JSON.stringify({ value: 'x'.repeat(1024 * 1024 + 10) });
    const api = await sendLargeBody({
      port: s.server.port,
      method: 'PUT',
      path: '/api/v1/variables/big',
      headers: { 'content-type': 'application/json', ...s.authHeaders },
      body: big,
    });
    expect(api.status).toBe(413);
    const hook = await sendLargeBody({
      port: s.server.port,
      method: 'POST',
      path: '/webhook/headers',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 'y'.repeat(5000) }),
    });
    expect(hook.status).toBe(413);
    expect(JSON.parse(hook.text).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('webhook bodies are parsed only as their declared type', () => {
  it('JSON, form, text and unknown types; a JSON-looking text stays text; paths in a body are just strings', async () => {
    const wf = await createWorkflow(s, echoHook('types'));
    await activate(s, wf);
    const send = async (type: string | undefined, body: string) => {
      const res = await s.server.request('POST', '/webhook/types', {
        body,
        headers: type ? { 'content-type': type } : { 'content-type': '' },
      });
      expect(res.status, `${type}: ${res.text}`).toBe(200);
      return res.json.body as unknown;
    };
    expect(await send('application/json', '{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(await send('application/vnd.api+json', '{"b":true}')).toEqual({ b: true });
    expect(await send('text/plain', '{"a":1}')).toBe('{"a":1}');
    expect(await send('application/x-www-form-urlencoded', 'a=1&b=%7B%22c%22%3A2%7D')).toEqual({
      a: '1',
      b: '{"c":2}',
    });
    expect(await send('application/x-www-form-urlencoded', '{"a":1}')).toEqual({ '{"a":1}': '' });
    expect(await send('application/octet-stream', '{"a":1}')).toBeNull();
    expect(await send('application/xml', '<a/>')).toBeNull();
    expect(await send(undefined, '{"a":1}')).toBeNull();
    // nothing in a body is ever treated as a file to read
    expect(await send('application/json', '{"file":"/etc/passwd","@path":"file:///etc/hostname"}')).toEqual({
      file: '/etc/passwd',
      '@path': 'file:///etc/hostname',
    });
    expect(await send('text/plain', '@/etc/passwd')).toBe('@/etc/passwd');

    const bad = await s.server.request('POST', '/webhook/types', {
      body: '{"a":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('INVALID_BODY');
    const multipart = await s.server.request('POST', '/webhook/types', {
      body: '--x\r\n\r\n--x--',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(multipart.status).toBe(415);
  });
});

describe('webhook authentication', () => {
  async function credential(type: string, data: Record<string, string>): Promise<string> {
    const res = await s.api('POST', '/api/v1/credentials', { name: `${type} cred`, type, data });
    expect(res.status, res.text).toBe(201);
    return res.json.id as string;
  }

  it('header token: 401 and no execution without the token; runs with it; the token is never echoed', async () => {
    const cred = await credential('core.webhookHeaderAuth', {
      headerName: 'X-Hook-Token',
      token: 'very-secret-token',
    });
    const wf = await createWorkflow(
      s,
      echoHook('auth/header', { authentication: 'headerToken' }, { auth: cred }),
    );
    await activate(s, wf);
    const none = await s.server.request('POST', '/webhook/auth/header', { json: { a: 1 } });
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe('WEBHOOK_UNAUTHORIZED');
    const wrong = await s.server.request('POST', '/webhook/auth/header', {
      json: {},
      headers: { 'x-hook-token': 'very-secret-tokeX' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('very-secret');
    expect(await executionCount(wf)).toBe(0);
    const ok = await s.server.request('POST', '/webhook/auth/header', {
      json: { a: 1 },
      headers: { 'x-hook-token': 'very-secret-token' },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.body).toEqual({ a: 1 });
    expect(await executionCount(wf)).toBe(1);
  });

  it('basic and HMAC signatures; a missing credential fails closed', async () => {
    const basic = await credential('core.webhookBasicAuth', { user: 'shop', password: 'hunter2hunter2' });
    const wfBasic = await createWorkflow(
      s,
      echoHook('auth/basic', { authentication: 'basic' }, { auth: basic }),
    );
    await activate(s, wfBasic);
    const denied = await s.server.request('POST', '/webhook/auth/basic', { json: {} });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toContain('Basic');
    const auth = `Basic ${Buffer.from('shop:hunter2hunter2').toString('base64')}`;
    expect(
      (await s.server.request('POST', '/webhook/auth/basic', { json: {}, headers: { authorization: auth } }))
        .status,
    ).toBe(200);

    const hmac = await credential('core.webhookHmac', {
      headerName: 'X-Signature',
      secret: 'sign-me-please',
      algorithm: 'sha256',
      encoding: 'hex',
      prefix: 'sha256=',
    });
    const wfHmac = await createWorkflow(s, echoHook('auth/hmac', { authentication: 'hmac' }, { auth: hmac }));
    await activate(s, wfHmac);
    const body = '{"order":7}';
    const sig = `sha256=${createHmac('sha256', 'sign-me-please').update(body).digest('hex')}`;
    const signed = await s.server.request('POST', '/webhook/auth/hmac', {
      body,
      headers: { 'x-signature': sig },
    });
    expect(signed.status).toBe(200);
    const tampered = await s.server.request('POST', '/webhook/auth/hmac', {
      body: '{"order":8}',
      headers: { 'x-signature': sig },
    });
    expect(tampered.status).toBe(401);
    expect(await executionCount(wfHmac)).toBe(1);

    const wfNone = await createWorkflow(s, echoHook('auth/nocred', { authentication: 'headerToken' }));
    await activate(s, wfNone);
    expect((await s.server.request('POST', '/webhook/auth/nocred', { json: {} })).status).toBe(401);
    expect(await executionCount(wfNone)).toBe(0);
  });
});

describe('webhook rate limit', () => {
  it('answers 429 with Retry-After past the burst, per workflow + path', async () => {
    const limited = await startSecured({
      SHOPWIRE_WEBHOOK_RATE_LIMIT: '5',
      SHOPWIRE_WEBHOOK_RATE_BURST: '5',
    });
    try {
      await rateLimitCase(limited);
    } finally {
      await limited.server.stop();
    }
  });
});

async function rateLimitCase(s: SecuredServer): Promise<void> {
  {
    const a = await createWorkflow(s, echoHook('rate/a', { responseMode: 'immediately' }));
    const b = await createWorkflow(s, echoHook('rate/b', { responseMode: 'immediately' }));
    await activate(s, a);
    await activate(s, b);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await s.server.request('POST', '/webhook/rate/a', { json: { i } });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.filter((x) => x === 202).length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // another webhook is unaffected
    expect((await s.server.request('POST', '/webhook/rate/b', { json: {} })).status).toBe(202);
  }
}

describe('SSRF guard in the running product', () => {
  it('an HTTP Request node cannot reach a local service by default', async () => {
    let hits = 0;
    const local = http.createServer((_req, res) => {
      hits++;
      res.end('{"internal":true}');
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const port = (local.address() as AddressInfo).port;
    try {
      const wf = await createWorkflow(s, {
        name: 'ssrf',
        nodes: [
          { id: 't', name: 'Start', type: 'core.manualTrigger', params: {} },
          {
            id: 'h',
            name: 'Fetch',
            type: 'core.httpRequest',
            params: { url: `http://localhost:${port}/admin` },
          },
        ],
        connections: [{ from: { node: 't' }, to: { node: 'h' } }],
      });
      const run = await runAndWait(s, wf);
      expect(run.json.status).toBe('error');
      expect(run.json.error.code).toBe('SSRF_BLOCKED');
      expect(run.json.error.message).toContain('SHOPWIRE_ALLOW_PRIVATE_NETWORKS=true');
      expect(hits).toBe(0);
    } finally {
      local.close();
    }
  });
});
