import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activate,
  createWorkflow,
  rawRequest,
  runAndWait,
  startSecured,
  type SecuredServer,
} from './support.js';

/**
 * Property-based fuzzing of every API route (taken from the app's own route table) and of webhook
 * ingress, against a real server: malformed JSON, wrong types, huge and deeply nested values,
 * random ids and query strings. Always an answer below 500 (a 4xx carries error.code + message),
 * the server stays up, and a seeded workflow + execution are intact afterwards.
 */

const RUNS = 200;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

interface Route {
  method: string;
  path: string;
}

let s: SecuredServer;
let routes: Route[];
let seeded: { workflowId: string; executionId: string; document: unknown; status: string };

beforeAll(async () => {
  s = await startSecured({ SHOPWIRE_WEBHOOK_RATE_LIMIT: '0', SHOPWIRE_MAX_BODY_BYTES: String(256 * 1024) });
  const seen = new Set<string>();
  routes = [];
  for (const r of s.server.app.routes) {
    const method = r.method.toUpperCase();
    if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method) || !r.path.startsWith('/api/v1/'))
      continue;
    // streams never end; logout would end the test's own session
    if (r.path.endsWith('/events') || r.path === '/api/v1/logout') continue;
    const key = `${method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method, path: r.path });
  }
  const workflowId = await createWorkflow(s, {
    name: 'Seeded',
    nodes: [
      {
        id: 'hook',
        name: 'Webhook',
        type: 'core.webhook',
        params: { path: 'fuzz/:id', method: 'POST', responseMode: 'lastNode' },
      },
      {
        id: 'set',
        name: 'Set',
        type: 'core.set',
        params: { fields: [{ name: 'seen', value: '={{ typeof $json.body }}' }] },
      },
    ],
    connections: [{ from: { node: 'hook' }, to: { node: 'set' } }],
  });
  await activate(s, workflowId);
  const run = await runAndWait(s, workflowId);
  const document = (await s.api('GET', `/api/v1/workflows/${workflowId}`)).json.document as unknown;
  seeded = { workflowId, executionId: run.json.id as string, document, status: run.json.status as string };
}, 60_000);

afterAll(async () => {
  await s.server.stop();
});

/** Fills `:params` with the given values, URL-encoded. */
function fill(path: string, values: string[]): string {
  let i = 0;
  return path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(values[i++ % values.length] || 'x'));
}

/**
 * Sends with node:http: a server may answer 413 and close before a big upload ends, which fetch
 * reports as a network error instead of the answer.
 */
async function send(
  method: string,
  path: string,
  options: { body?: string; type?: string; auth?: boolean } = {},
) {
  const headers: Record<string, string> = options.auth === false ? {} : { ...s.authHeaders };
  if (options.type !== undefined) headers['content-type'] = options.type;
  const res = await rawRequest({ port: s.server.port, method, path, headers, body: options.body ?? '' });
  let json: unknown;
  try {
    json = res.text ? JSON.parse(res.text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text: res.text, json };
}

function expectSane(res: { status: number; json: unknown; text: string }, context: string): void {
  context = context.slice(0, 300);
  expect(res.status, `${context} → ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    const error = (res.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    expect(typeof error?.code, `${context}: ${res.text.slice(0, 200)}`).toBe('string');
    expect(typeof error?.message, context).toBe('string');
    expect((error?.message as string).length, context).toBeGreaterThan(3);
  }
}

const routeArb = () => fc.constantFrom(...routes);
const bodyRouteArb = () => fc.constantFrom(...routes.filter((r) => BODY_METHODS.has(r.method)));
const idArb = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '../../etc/passwd',
    '%00',
    '0',
    '-1',
    '1e309',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    "' OR 1=1 --",
    'a'.repeat(5000),
  ),
);

/** JSON text that does not parse. */
const malformedJson = fc.oneof(
  fc.string({ maxLength: 200 }).filter((t) => {
    if (t.trim() === '') return false;
    try {
      JSON.parse(t);
      return false;
    } catch {
      return true;
    }
  }),
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    '{"a":1,}',
    "{'a':1}",
    'NaN',
    '{"a":undefined}',
    '\u0000',
    '{"a":1}}',
    '"unterminated',
  ),
);

/** Valid JSON of wrong shapes, with big and odd values. */
const wrongTypes = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    fc.constantFrom(
      'name',
      'nodes',
      'connections',
      'type',
      'data',
      'value',
      'password',
      'email',
      'items',
      'wait',
      'document',
      'templates',
      'expectedVersion',
      '__proto__',
      'constructor',
    ),
    fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constant('x'.repeat(100_000)),
      fc.constant(1e308),
      fc.constant(-0),
    ),
  ),
);

function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describe('API fuzzing', () => {
  it('lists the API routes from the app itself', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.some((r) => r.path === '/api/v1/workflows/:id' && r.method === 'PUT')).toBe(true);
  });

  it('malformed JSON bodies always get a 4xx with a message', async () => {
    await fc.assert(
      fc.asyncProperty(bodyRouteArb(), idArb, malformedJson, async (route, id, body) => {
        const path = fill(route.path, [id]);
        const res = await send(route.method, path, { body, type: 'application/json' });
        expectSane(res, `${route.method} ${path}`);
        expect(res.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS },
    );
  });

  it('wrong types, huge values and random ids never cause a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        routeArb(),
        fc.array(idArb, { minLength: 1, maxLength: 3 }),
        wrongTypes,
        async (route, ids, json) => {
          const path = fill(route.path, ids);
          const res = BODY_METHODS.has(route.method)
            ? await send(route.method, path, {
                body: JSON.stringify(json) ?? 'null',
                type: 'application/json',
              })
            : await send(route.method, path);
          expectSane(res, `${route.method} ${path}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('deeply nested and oversized bodies are refused cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodyRouteArb(),
        fc.integer({ min: 50, max: 60_000 }),
        fc.constantFrom('array' as const, 'object' as const),
        async (route, depth, kind) => {
          const path = fill(route.path, ['nope']);
          const res = await send(route.method, path, { body: nested(depth, kind), type: 'application/json' });
          expectSane(res, `${route.method} ${path} depth ${depth}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random query strings and content types never cause a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        routeArb(),
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 20 }),
          fc.oneof(
            fc.string({ maxLength: 50 }),
            fc.constantFrom('-1', '1e999', 'NaN', '99999999999999999999', 'true', '[]'),
          ),
        ),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          '',
          'application/json; charset=utf-16',
        ),
        fc.string({ maxLength: 100 }),
        async (route, query, type, body) => {
          const qs = new URLSearchParams(query).toString();
          const path = `${fill(route.path, ['x'])}${qs ? `?${qs}` : ''}`;
          const res = await send(route.method, path, BODY_METHODS.has(route.method) ? { body, type } : {});
          expectSane(res, `${route.method} ${path} (${type})`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('webhook ingress: random methods, paths, types and bodies get a clean answer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.oneof(fc.constant('webhook/fuzz/'), fc.constant('webhook-test/fuzz/'), fc.constant('webhook/')),
        idArb,
        fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'text/plain',
          'application/octet-stream',
          'multipart/form-data',
          '',
        ),
        fc.oneof(
          malformedJson,
          fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
          fc.integer({ min: 10, max: 20_000 }).map((d) => nested(d, 'array')),
        ),
        async (method, prefix, id, type, body) => {
          const path = `/${prefix}${encodeURIComponent(id || 'x')}`;
          const withBody = method !== 'GET';
          const res = await send(method, path, withBody ? { body, type, auth: false } : { auth: false });
          expectSane(res, `${method} ${path} (${type})`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the server is still healthy and nothing seeded was lost', async () => {
    expect((await s.server.request('GET', '/healthz')).status).toBe(200);
    const workflow = await s.api('GET', `/api/v1/workflows/${seeded.workflowId}`);
    expect(workflow.status).toBe(200);
    expect(workflow.json.document).toEqual(seeded.document);
    const execution = await s.api('GET', `/api/v1/executions/${seeded.executionId}`);
    expect(execution.status).toBe(200);
    expect(execution.json.status).toBe(seeded.status);
    // and it still works end to end
    const hook = await s.server.request('POST', '/webhook/fuzz/1', { json: { ok: true } });
    expect(hook.status).toBe(200);
    expect(hook.json).toMatchObject({ seen: 'object' });
  });
});
