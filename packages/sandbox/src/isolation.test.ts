import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxPool } from './index.js';
import { codeRequest, expressionContext } from './test-helpers.js';

// one child, so every run below shares the same isolate and context
const pool = createSandboxPool({ size: 1 });
afterAll(() => pool.close());

async function run(code: string): Promise<Record<string, unknown>> {
  const result = await pool.runCode(codeRequest(code));
  return result.items[0]?.json ?? {};
}

async function expr(template: string): Promise<unknown> {
  const { values } = await pool.evaluateExpressions({
    templates: [template],
    context: expressionContext(),
    itemIndexes: [0],
  });
  return values[0]?.[0];
}

const attempt = (statement: string) => `try { ${statement} } catch (e) {}`;

describe('nothing leaks from one run to the next', () => {
  it('does not keep globals', async () => {
    await run(
      `${attempt("globalThis.leak = 'secret'")} ${attempt("leak2 = 'secret'")} ${attempt("Object.defineProperty(globalThis, 'leak3', { value: 1 })")} ${attempt("(0, eval)('var leak4 = 1')")} return {}`,
    );
    expect(
      await run(
        'return { t: [typeof leak, typeof leak2, typeof leak3, typeof leak4, typeof globalThis.leak].join() }',
      ),
    ).toEqual({
      t: 'undefined,undefined,undefined,undefined,undefined',
    });
    await expr('{{ (() => { try { globalThis.fromExpr = 1 } catch (e) {} return 1 })() }}');
    expect(await expr('{{ typeof globalThis.fromExpr }}')).toEqual({ ok: true, value: 'undefined' });
  });

  it('blocks prototype pollution', async () => {
    await run(
      [
        attempt('Object.prototype.polluted = 1'),
        attempt("Object.defineProperty(Object.prototype, 'polluted2', { get() { return 2 } })"),
        attempt('Array.prototype.polluted = 1'),
        attempt('Object.setPrototypeOf(Array.prototype, { polluted3: 1 })'),
        attempt('({}).__proto__.polluted4 = 1'),
        attempt("Object.prototype.toString = () => 'hacked'"),
        attempt("Function.prototype.call = () => 'hacked'"),
        attempt("String.prototype.trim = () => 'hacked'"),
        'return {}',
      ].join('\n'),
    );
    expect(
      await run(
        "return { p: [({}).polluted, ({}).polluted2, [].polluted, [].polluted3, ({}).polluted4].map(String).join(), s: String({}), t: ' x '.trim() }",
      ),
    ).toEqual({
      p: 'undefined,undefined,undefined,undefined,undefined',
      s: '[object Object]',
      t: 'x',
    });
    expect(
      await expr(
        '{{ (() => { try { $json.constructor.prototype.viaExpr = 1 } catch (e) {} return ({}).viaExpr === undefined })() }}',
      ),
    ).toEqual({ ok: true, value: true });
  });

  it('cannot patch JSON.stringify or Array.prototype.map, not even for its own result', async () => {
    const own = await pool.runCode(
      codeRequest(
        `${attempt('JSON.stringify = () => \'{"ok":true,"items":[],"logs":[]}\'')} ${attempt('Array.prototype.map = () => []')} return [{ a: 1 }]`,
      ),
    );
    expect(own.items).toEqual([{ json: { a: 1 } }]);
    expect(await run('return { s: JSON.stringify({ a: [1, 2].map((x) => x * 2) }) }')).toEqual({
      s: '{"a":[2,4]}',
    });
  });

  it('cannot install Error.prepareStackTrace or change stack limits', async () => {
    await run(
      `${attempt('Error.prepareStackTrace = (e, frames) => frames')} ${attempt('Error.stackTraceLimit = 0')} return {}`,
    );
    expect(
      await run(
        "return { t: typeof Error.prepareStackTrace, s: typeof new Error('x').stack, limit: Error.stackTraceLimit }",
      ),
    ).toEqual({
      t: 'undefined',
      s: 'string',
      limit: 10,
    });
  });

  it('cannot stash data in a closure or WeakMap reachable from a builtin', async () => {
    await run(
      [
        "const stash = new WeakMap(); stash.set(Math, 'secret');",
        'const getter = () => stash;',
        attempt("Object.defineProperty(Math, 'stash', { get: getter })"),
        attempt('Math.stash = stash'),
        attempt('JSON.stash = stash'),
        attempt("Object.defineProperty(Function.prototype, 'stash', { value: stash })"),
        attempt('Promise.prototype.stash = stash'),
        attempt('Symbol.stash = stash'),
        attempt('DateTime.stash = stash'),
        attempt('$now.constructor.stash = stash'),
        attempt('Object.getPrototypeOf($now).stash = stash'),
        attempt('Object.getPrototypeOf(function* () {}).stash = stash'),
        attempt('Object.getPrototypeOf([][Symbol.iterator]()).stash = stash'),
        attempt("/x/.test('secret input')"),
        'return {}',
      ].join('\n'),
    );
    expect(
      await run(`return { found: [Math.stash, JSON.stash, (() => {}).stash, Promise.resolve().stash, Symbol.stash, DateTime.stash,
        $now.constructor.stash, Object.getPrototypeOf($now).stash, Object.getPrototypeOf(function* () {}).stash,
        Object.getPrototypeOf([][Symbol.iterator]()).stash, RegExp.input, RegExp.lastMatch].filter((x) => x !== undefined).length }`),
    ).toEqual({ found: 0 });
  });

  it('still lets code override methods on its own objects and name its own errors', async () => {
    expect(
      await run(
        "const o = {}; o.toString = () => 'mine'; class Custom extends Error { constructor(m) { super(m); this.name = 'Custom'; } } const e = new Custom('x'); return { s: String(o), name: e.name, fn: (function f() {}).toString !== undefined }",
      ),
    ).toEqual({
      s: 'mine',
      name: 'Custom',
      fn: true,
    });
    await expect(
      pool.runCode(
        codeRequest(
          "class OutOfStock extends Error { constructor() { super('none left'); this.name = 'OutOfStock'; } }\nthrow new OutOfStock()",
        ),
      ),
    ).rejects.toThrow('OutOfStock: none left [line 2]');
  });
});

describe('nothing reaches the host', () => {
  it('finds no process, require or host objects through constructors', async () => {
    const result = await run(`
      const probe = (f) => { try { return String(f()); } catch (e) { return 'error: ' + e.message; } };
      return {
        viaThis: probe(() => this.constructor.constructor('return typeof process')()),
        viaThisProcess: probe(() => this.constructor.constructor('return process')()),
        viaFunction: probe(() => Function('return this')() === globalThis),
        globals: Object.getOwnPropertyNames(Function('return this')()).filter((k) => ['process', 'require', 'module', 'Buffer', 'global', 'console', 'fetch'].includes(k)).join(),
        viaItems: probe(() => items.constructor.constructor('return typeof require')()),
        viaConsole: probe(() => console.log.constructor('return typeof process')()),
        viaAsync: probe(() => (async () => {}).constructor.constructor('return typeof process')()),
      };
    `);
    expect(result).toEqual({
      viaThis: 'undefined',
      viaThisProcess: 'error: process is not defined',
      viaFunction: 'true',
      globals: '',
      viaItems: 'undefined',
      viaConsole: 'undefined',
      viaAsync: 'undefined',
    });
    expect(
      await expr("{{ $json.constructor.constructor('return typeof process + typeof require')() }}"),
    ).toEqual({ ok: true, value: 'undefinedundefined' });
  });

  it('cannot import modules or require anything', async () => {
    const result = await run(`
      let dynamic;
      try { await import('node:child_process'); dynamic = 'imported'; } catch (e) { dynamic = 'blocked'; }
      return { dynamic, require: typeof require };
    `);
    expect(result).toEqual({ dynamic: 'blocked', require: 'undefined' });
  });
});
