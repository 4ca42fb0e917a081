import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, createWorkflow, runAndWait, startSecured, type SecuredServer } from './support.js';

/**
 * Hostile user code THROUGH THE WHOLE PRODUCT: each snippet runs as a Code node or as a
 * `{{ expression }}` in a Set node, in a workflow executed by a real server. Nothing may reach the
 * host (a marker file and the host's prototypes stay untouched, `process` is never reachable), each
 * execution fails with a clear error, and other executions keep running meanwhile.
 */

let s: SecuredServer;
let markerDir: string;
let marker: string;
beforeAll(async () => {
  markerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  marker = path.join(markerDir, 'marker.txt');
  fs.writeFileSync(marker, 'untouched');
  (globalThis as Record<string, unknown>)['__swHostMarker'] = 'untouched';
  s = await startSecured({
    SHOPWIRE_CODE_TIMEOUT_MS: '1500',
    SHOPWIRE_SANDBOX_MEMORY_MB: '64',
    SHOPWIRE_SANDBOX_PROCESSES: '2',
  });
  const hook = await createWorkflow(s, {
    name: 'normal webhook',
    nodes: [
      {
        id: 'hook',
        name: 'Webhook',
        type: 'core.webhook',
        params: { path: 'normal', method: 'POST', responseMode: 'lastNode' },
      },
      {
        id: 'set',
        name: 'Double',
        type: 'core.set',
        params: {
          fields: [{ name: 'doubled', value: '={{ $json.body.n * 2 }}' }],
          includeOtherFields: false,
        },
      },
    ],
    connections: [{ from: { node: 'hook' }, to: { node: 'set' } }],
  });
  await activate(s, hook);
}, 60_000);
afterAll(async () => {
  await s.server.stop();
  fs.rmSync(markerDir, { recursive: true, force: true });
  delete (globalThis as Record<string, unknown>)['__swHostMarker'];
});

/** What a successful escape would do: write the marker file through the host's fs. */
const PWN = `p.mainModule.require('fs').writeFileSync(${JSON.stringify('MARKER')}, 'pwned'); globalThis.__swHostMarker = 'pwned';`;

function codeWorkflow(code: string) {
  return {
    name: 'hostile code',
    nodes: [
      { id: 't', name: 'Start', type: 'core.manualTrigger', params: {} },
      { id: 'c', name: 'Hostile', type: 'core.code', params: { code } },
    ],
    connections: [{ from: { node: 't' }, to: { node: 'c' } }],
  };
}

function expressionWorkflow(expression: string) {
  return {
    name: 'hostile expression',
    nodes: [
      { id: 't', name: 'Start', type: 'core.manualTrigger', params: {} },
      {
        id: 's',
        name: 'Hostile',
        type: 'core.set',
        params: { fields: [{ name: 'x', value: `={{ ${expression} }}` }] },
      },
    ],
    connections: [{ from: { node: 't' }, to: { node: 's' } }],
  };
}

async function runDocument(document: unknown) {
  const id = await createWorkflow(s, document);
  const res = await runAndWait(s, id, 60_000);
  expect(res.status, res.text).toBe(200);
  return res.json as {
    status: string;
    error: { code: string; message: string } | null;
    steps: { nodeId: string; output?: Record<string, { json: Record<string, unknown> }[]> }[];
  };
}

function expectHostUntouched(): void {
  expect(fs.readFileSync(marker, 'utf8')).toBe('untouched');
  expect((globalThis as Record<string, unknown>)['__swHostMarker']).toBe('untouched');
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(JSON.parse('{"a":1}')).toEqual({ a: 1 });
  expect(typeof process.exit).toBe('function');
}

const escapes = (m: string): [string, string][] => [
  ['the constructor chain', `const p = this.constructor.constructor('return process')(); ${m}`],
  ['a function constructor', `const p = (function () {}).constructor('return process')(); ${m}`],
  ['an async function constructor', `const p = await (async () => {}).constructor('return process')(); ${m}`],
  [
    'a generator constructor',
    `const p = (function* () {}).constructor('return process')().next().value; ${m}`,
  ],
  [
    'Error.prepareStackTrace',
    `Error.prepareStackTrace = (_e, frames) => frames.map((f) => f.getThis()); const p = new Error().stack.find((t) => t && t.process).process; ${m}`,
  ],
  ['a Proxy trap', `const p = new Proxy({}, { get: () => Function('return process')() }).any; ${m}`],
  [
    'an error thrown across the boundary',
    `let p; try { null.x } catch (e) { p = e.constructor.constructor('return process')(); } ${m}`,
  ],
  ['require', `const p = { mainModule: { require } }; ${m}`],
  ['dynamic import()', `const fs = await import('node:fs'); fs.writeFileSync('MARKER', 'pwned'); return [];`],
  [
    'SharedArrayBuffer and Atomics',
    `Atomics.wait(new Int32Array(new SharedArrayBuffer(16)), 0, 0, 5000); return [];`,
  ],
  ['WebAssembly', `new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); return [];`],
];

describe('hostile Code nodes', () => {
  for (const [name, snippet] of escapes(`${PWN} return [{ json: { escaped: true } }];`)) {
    it(`stops an escape through ${name}`, async () => {
      const run = await runDocument(codeWorkflow(snippet.replaceAll('MARKER', marker)));
      expect(run.status).toBe('error');
      expect(run.error?.code).toMatch(/^SANDBOX_(RUNTIME|SYNTAX)$/);
      expect(run.error?.message.length).toBeGreaterThan(5);
      expectHostUntouched();
    });
  }

  const limits: [string, string, string[]][] = [
    ['an endless loop', 'for (;;) {}', ['SANDBOX_TIMEOUT']],
    ['a microtask flood', 'for (;;) await Promise.resolve();', ['SANDBOX_TIMEOUT']],
    ['a promise that never settles', 'await new Promise(() => {}); return [];', ['SANDBOX_TIMEOUT']],
    [
      'a memory bomb',
      'const a = []; for (;;) a.push({ n: a.length, s: String(a.length) });',
      ['SANDBOX_MEMORY', 'SANDBOX_RUNTIME', 'SANDBOX_TIMEOUT'],
    ],
    ['deep recursion', 'const f = (n) => f(n + 1) + 1; f(0); return [];', ['SANDBOX_RUNTIME']],
    [
      'a huge output',
      "const s = 'x'.repeat(1 << 20); return Array.from({ length: 80 }, () => ({ json: { s } }));",
      ['SANDBOX_OUTPUT', 'SANDBOX_MEMORY', 'SANDBOX_RUNTIME'],
    ],
  ];
  for (const [name, code, codes] of limits) {
    it(`stops ${name} with a clear error`, async () => {
      const run = await runDocument(codeWorkflow(code));
      expect(run.status).toBe('error');
      expect(codes).toContain(run.error?.code);
      expect(run.error?.message).toMatch(/\w+ \w+/);
      expectHostUntouched();
    });
  }

  it('an unhandled rejection neither fails the host nor leaks into the next run', async () => {
    const run = await runDocument(
      codeWorkflow("Promise.reject(new Error('nobody listens')); return [{ json: { ok: true } }];"),
    );
    expect(['success', 'error']).toContain(run.status);
    const next = await runDocument(codeWorkflow('return [{ json: { fine: 1 } }];'));
    expect(next.status).toBe('success');
    expectHostUntouched();
  });

  it('prototype pollution stays out of later executions and of the host', async () => {
    const pollute = await runDocument(
      codeWorkflow(`
        try { Object.prototype.polluted = 'yes'; } catch {}
        try { Array.prototype.polluted = 'yes'; } catch {}
        try { JSON.parse = () => 'hijacked'; } catch {}
        try { Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'hijacked' }); } catch {}
        return [{ json: JSON.parse('{"__proto__": {"polluted": "via json"}, "a": 1}') }];`),
    );
    expect(['success', 'error']).toContain(pollute.status);
    const later = await runDocument(
      codeWorkflow(
        'return [{ json: { o: ({}).polluted ?? null, a: [].polluted ?? null, j: JSON.parse(\'{"k":2}\').k } }];',
      ),
    );
    expect(later.status).toBe('success');
    const out = later.steps.find((step) => step.nodeId === 'c')?.output?.['main']?.[0]?.json;
    expect(out).toEqual({ o: null, a: null, j: 2 });
    expectHostUntouched();
  });
});

describe('hostile expressions in a Set node', () => {
  const cases: [string, string, RegExp][] = [
    [
      'the constructor chain',
      `this.constructor.constructor('return process')().mainModule.require('fs').writeFileSync('MARKER', 'pwned')`,
      /SANDBOX_|EXPRESSION/,
    ],
    ['a Function escape', `Function('return process')().exit(1)`, /SANDBOX_|EXPRESSION/],
    [
      'Error.prepareStackTrace',
      `(() => { Error.prepareStackTrace = (_e, f) => f[0].getThis(); return new Error().stack.process.exit(1) })()`,
      /SANDBOX_|EXPRESSION/,
    ],
    [
      'import()',
      `import('node:fs').then((fs) => fs.writeFileSync('MARKER', 'pwned'))`,
      /SANDBOX_|EXPRESSION/,
    ],
    ['an endless loop', `(() => { for (;;) {} })()`, /SANDBOX_TIMEOUT|EXPRESSION/],
    ['deep recursion', `(() => { const f = () => f() + 1; return f() })()`, /SANDBOX_|EXPRESSION/],
    ['a memory bomb', `(() => { const a = []; for (;;) a.push([a.length]) })()`, /SANDBOX_|EXPRESSION/],
    ['a huge string', `'x'.repeat(2 ** 29)`, /SANDBOX_|EXPRESSION/],
  ];
  for (const [name, expression, code] of cases) {
    it(`stops ${name}`, async () => {
      const run = await runDocument(expressionWorkflow(expression.replaceAll('MARKER', marker)));
      expect(run.status).toBe('error');
      expect(run.error?.code ?? '').toMatch(code);
      expect(run.error?.message.length).toBeGreaterThan(5);
      expectHostUntouched();
    });
  }

  it('pollution through an expression does not reach the next expression', async () => {
    await runDocument(
      expressionWorkflow(`(() => { try { Object.prototype.polluted = 'yes' } catch {} return 1 })()`),
    );
    const later = await runDocument(expressionWorkflow(`({}).polluted ?? 'clean'`));
    expect(later.status).toBe('success');
    expect(later.steps.find((step) => step.nodeId === 's')?.output?.['main']?.[0]?.json['x']).toBe('clean');
    expectHostUntouched();
  });
});

describe('other executions keep running', () => {
  it('a normal webhook answers in time while hostile code loops and eats memory', async () => {
    const hostile = Promise.all([
      runDocument(codeWorkflow('for (;;) {}')),
      runDocument(codeWorkflow('const a = []; for (;;) a.push({ n: a.length, s: String(a.length) });')),
      runDocument(expressionWorkflow('(() => { for (;;) {} })()')),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let n = 1; n <= 5; n++) {
      const started = Date.now();
      const res = await s.server.request('POST', '/webhook/normal', { json: { n } });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ doubled: n * 2 });
      expect(Date.now() - started).toBeLessThan(3000);
    }
    const runs = await hostile;
    for (const run of runs) expect(run.status).toBe('error');
    expect((await s.server.request('GET', '/healthz')).status).toBe(200);
    expectHostUntouched();
  });
});
