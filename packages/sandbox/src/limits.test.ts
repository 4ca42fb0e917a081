import { afterAll, describe, expect, it } from 'vitest';
import { SandboxError } from '@shopwire/sdk';
import { createSandboxPool } from './index.js';
import { codeRequest, expressionContext } from './test-helpers.js';

// small isolates so the memory bombs hit their limits quickly
const pool = createSandboxPool({ size: 2, memoryMb: 64 });
afterAll(() => pool.close());

async function failure(promise: Promise<unknown>): Promise<SandboxError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SandboxError);
  return error as SandboxError;
}

/** After every bomb the pool must answer the next request, and quickly. */
async function expectHealthy(): Promise<void> {
  const started = Date.now();
  const result = await pool.runCode(codeRequest('return [{ fine: true }]'));
  expect(result.items).toEqual([{ json: { fine: true } }]);
  const { values } = await pool.evaluateExpressions({
    templates: ['{{ 1 + 1 }}'],
    context: expressionContext(),
    itemIndexes: [0],
  });
  expect(values).toEqual([[{ ok: true, value: 2 }]]);
  expect(Date.now() - started).toBeLessThan(3000);
}

describe('time limits', () => {
  it('stops an endless loop in code', async () => {
    const started = Date.now();
    const error = await failure(pool.runCode(codeRequest('for (;;) {}', { timeoutMs: 500 })));
    expect(error.code).toBe('SANDBOX_TIMEOUT');
    expect(error.message).toContain('500 ms');
    expect(Date.now() - started).toBeLessThan(2500);
    await expectHealthy();
  });

  it('fails a whole expression batch that loops forever', async () => {
    const error = await failure(
      pool.evaluateExpressions({
        templates: ['{{ 1 }}', '{{ (() => { while (true) {} })() }}'],
        context: expressionContext(),
        timeoutMs: 300,
      }),
    );
    expect(error.code).toBe('SANDBOX_TIMEOUT');
    await expectHealthy();
  });

  it('fails a promise that never settles after the wall-clock limit', async () => {
    const started = Date.now();
    const error = await failure(
      pool.runCode(codeRequest('await new Promise(() => {}); return []', { timeoutMs: 400 })),
    );
    expect(error.code).toBe('SANDBOX_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    await expectHealthy();
  });

  it('stops a thrown Proxy whose traps loop forever', async () => {
    const code =
      'const loop = () => { for (;;) {} }; throw new Proxy({}, { get: loop, getPrototypeOf: loop, ownKeys: loop, has: loop });';
    const error = await failure(pool.runCode(codeRequest(code, { timeoutMs: 400 })));
    expect(error.code).toBe('SANDBOX_TIMEOUT');
    const exprError = await failure(
      pool.evaluateExpressions({
        templates: [`{{ (() => { ${code} })() }}`],
        context: expressionContext(),
        timeoutMs: 300,
      }),
    );
    expect(exprError.code).toBe('SANDBOX_TIMEOUT');
    await expectHealthy();
  });

  it('contains a thrown Proxy whose traps throw more Proxies', async () => {
    const evil =
      'const evil = () => new Proxy({}, { get() { throw evil() }, getPrototypeOf() { throw evil() }, has() { throw evil() } });';
    const error = await failure(pool.runCode(codeRequest(`${evil}\nthrow evil();`)));
    expect(error.code).toBe('SANDBOX_RUNTIME');
    const { values } = await pool.evaluateExpressions({
      templates: [`{{ (() => { ${evil} throw evil() })() }}`],
      context: expressionContext(),
      itemIndexes: [0],
    });
    expect(values[0]?.[0]).toMatchObject({ ok: false, error: { code: 'SANDBOX_RUNTIME' } });
    await expectHealthy();
  });

  it('keeps other work going while one request loops', async () => {
    const looping = failure(pool.runCode(codeRequest('for (;;) {}', { timeoutMs: 1500 })));
    const quick = await pool.runCode(codeRequest('return [{ quick: true }]'));
    expect(quick.items).toEqual([{ json: { quick: true } }]);
    expect((await looping).code).toBe('SANDBOX_TIMEOUT');
  });

  it('turns deep recursion into a runtime error', async () => {
    const error = await failure(
      pool.runCode(codeRequest('function f(n) { return f(n + 1) + 1 }\nreturn f(0)')),
    );
    expect(error.code).toBe('SANDBOX_RUNTIME');
    expect(error.message).toContain('Maximum call stack size exceeded');
    const { values } = await pool.evaluateExpressions({
      templates: ['{{ (function f() { return f() })() }}'],
      context: expressionContext(),
      itemIndexes: [0],
    });
    expect(values[0]?.[0]).toMatchObject({
      ok: false,
      error: { code: 'SANDBOX_RUNTIME', message: expect.stringContaining('call stack') },
    });
    await expectHealthy();
  });
});

describe('memory limits', () => {
  const bombs: [string, string][] = [
    ['a huge filled array', 'new Array(1e9).fill(0); return []'],
    ['an object with millions of keys', "const o = {}; for (let i = 0; ; i++) o['k' + i] = i;"],
    ['a string doubling loop', "let s = 'x'; for (;;) { s += s; s.charCodeAt(s.length - 1); }"],
    [
      'an ever-growing array of objects',
      'const a = []; for (;;) a.push({ n: a.length, s: String(a.length) });',
    ],
    ['huge typed arrays', 'const keep = []; for (;;) keep.push(new Float64Array(1e7));'],
  ];
  for (const [name, code] of bombs) {
    it(`contains ${name}`, async () => {
      const error = await failure(pool.runCode(codeRequest(code, { timeoutMs: 2000 })));
      // depending on where V8 gives up: the isolate's limit, the process dying, a RangeError or the clock
      expect(['SANDBOX_MEMORY', 'SANDBOX_RUNTIME', 'SANDBOX_TIMEOUT']).toContain(error.code);
      await expectHealthy();
    });
  }

  it('reports a child that ran out of memory as SANDBOX_MEMORY with a clear message', async () => {
    const error = await failure(
      pool.runCode(codeRequest("const o = {}; for (let i = 0; ; i++) o['k' + i] = i;", { timeoutMs: 5000 })),
    );
    expect(error.code).toBe('SANDBOX_MEMORY');
    expect(error.message).toMatch(/memory/);
    await expectHealthy();
  });

  it('contains a memory bomb inside an expression', async () => {
    const error = await failure(
      pool.evaluateExpressions({
        templates: ['{{ (() => { const a = []; for (;;) a.push([a.length]) })() }}'],
        context: expressionContext(),
        timeoutMs: 3000,
      }),
    );
    expect(['SANDBOX_MEMORY', 'SANDBOX_TIMEOUT']).toContain(error.code);
    await expectHealthy();
  });
});

describe('dangerous globals', () => {
  it('removes Atomics, SharedArrayBuffer and WebAssembly', async () => {
    const result = await pool.runCode(
      codeRequest(
        'return { types: [typeof Atomics, typeof SharedArrayBuffer, typeof WebAssembly, typeof globalThis.Atomics].join() }',
      ),
    );
    expect(result.items[0]?.json.types).toBe('undefined,undefined,undefined,undefined');
    const error = await failure(
      pool.runCode(codeRequest('Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(16)), 0, 0, 10)')),
    );
    expect(error.code).toBe('SANDBOX_RUNTIME');
    await expectHealthy();
  });
});
