import { afterAll, describe, expect, it } from 'vitest';
import { SandboxError, ValidationError, itemsJson, jsonText } from '@shopwire/sdk';
import { createSandboxPool } from './index.js';
import { codeRequest, expressionContext } from './test-helpers.js';

const pool = createSandboxPool({ size: 1 });
afterAll(() => pool.close());

async function expectSandboxError(
  promise: Promise<unknown>,
  code: string,
  message?: string | RegExp,
): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SandboxError);
  expect((error as SandboxError).code).toBe(code);
  if (message !== undefined) expect((error as SandboxError).message).toMatch(message);
}

describe('runCode results', () => {
  it('returns items, plain objects and single objects', async () => {
    const mapped = await pool.runCode(
      codeRequest(
        'return items.map(item => ({ json: { name: item.json.name, total: item.json.qty * item.json.price } }))',
      ),
    );
    expect(mapped.items).toEqual([{ json: { name: 'Mug', total: 9 } }, { json: { name: 'Tee', total: 12 } }]);
    const plain = await pool.runCode(codeRequest('return [{ a: 1 }, { b: 2 }]'));
    expect(plain.items).toEqual([{ json: { a: 1 } }, { json: { b: 2 } }]);
    const single = await pool.runCode(codeRequest('return { count: items.length }'));
    expect(single.items).toEqual([{ json: { count: 2 } }]);
    const withBinary = await pool.runCode(
      codeRequest(
        "return [{ json: { a: 1 }, binary: { file: { mimeType: 'text/plain', data: 'aGk=', size: 2 } } }]",
      ),
    );
    expect(withBinary.items[0]?.binary?.file?.data).toBe('aGk=');
    const empty = await pool.runCode(codeRequest('return []'));
    expect(empty.items).toEqual([]);
  });

  it("keeps the answer's JSON text for its items, exactly what serializing them gives", async () => {
    const values = `{ s: 'é "q" \\u2028 😀 \\n', n: -0.5e-7, big: 1e21, deep: [[{}], null], t: true }`;
    for (const code of [
      `return { ...${values} }`,
      `return [{ json: ${values}, pairedItem: 0 }]`,
      `return [${values}, { other: 1 }]`,
      'return []',
    ]) {
      const { items } = await pool.runCode(codeRequest(code));
      expect(itemsJson(items)).toBe(JSON.stringify(items));
      for (const item of items) expect(jsonText(item.json)).toBe(JSON.stringify(item.json));
    }
  });

  it('lets code mutate its own input items', async () => {
    const result = await pool.runCode(
      codeRequest('for (const item of items) item.json.seen = true; return items'),
    );
    expect(result.items.map((i) => i.json.seen)).toEqual([true, true]);
  });

  it('rejects return values that are not items or objects', async () => {
    for (const body of [
      'return 42',
      'return "x"',
      'return null',
      'return [1, 2]',
      'return [{ json: 5 }]',
      '',
    ]) {
      await expectSandboxError(
        pool.runCode(codeRequest(body)),
        'SANDBOX_RUNTIME',
        /Code must return an array of items or objects/,
      );
    }
  });

  it('sees $input, $json, $vars, $execution, $workflow, $now, DateTime and other nodes', async () => {
    const result = await pool.runCode(
      codeRequest(`return {
        first: $input.first().json.name, all: $input.all().length, fromJson: $json.name, shop: $vars.shopName,
        exec: $execution.id, wf: $workflow.name, now: $now.toISO(), today: $today.format('yyyy-MM-dd'),
        parsed: DateTime.fromISO('2024-06-01T12:00:00Z').hour, order: $('Shopify Trigger').first().json.order,
        viaNode: $node['Single'].json.only,
      }`),
    );
    expect(result.items[0]?.json).toEqual({
      first: 'Mug',
      all: 2,
      fromJson: 'Mug',
      shop: 'Corner Shop',
      exec: 'exec-1',
      wf: 'Orders',
      now: '2024-03-11T00:30:00.000+01:00',
      today: '2024-03-11',
      parsed: 14,
      order: 1001,
      viaNode: true,
    });
  });

  it('supports async code and top-level await', async () => {
    const result = await pool.runCode(
      codeRequest(`
      const double = async (n) => n * 2;
      const values = await Promise.all(items.map(i => double(i.json.qty)));
      await null;
      return values.map(v => ({ v }));
    `),
    );
    expect(result.items).toEqual([{ json: { v: 4 } }, { json: { v: 2 } }]);
  });

  it('captures console output with level and time', async () => {
    const result = await pool.runCode(
      codeRequest(
        "console.log('hello', { a: 1 }, [2]); console.warn('careful'); console.error(new Error('bad')); console.debug(7); console.info(null); return []",
      ),
    );
    expect(result.logs.map(({ level, message }) => ({ level, message }))).toEqual([
      { level: 'info', message: 'hello {"a":1} [2]' },
      { level: 'warn', message: 'careful' },
      { level: 'error', message: 'bad' },
      { level: 'debug', message: '7' },
      { level: 'info', message: 'null' },
    ]);
    expect(Number.isFinite(Date.parse(result.logs[0]?.at ?? ''))).toBe(true);
  });

  it('caps the number of log lines', async () => {
    const result = await pool.runCode(
      codeRequest("for (let i = 0; i < 5000; i++) console.log('line ' + i); return []"),
    );
    expect(result.logs).toHaveLength(1001);
    expect(result.logs.at(-1)).toMatchObject({
      level: 'warn',
      message: '4000 more log lines were dropped (limit reached)',
    });
  });
});

describe('runCode errors', () => {
  it('reports thrown errors with the user line number', async () => {
    await expectSandboxError(
      pool.runCode(codeRequest("const a = 1;\nconst b = 2;\nthrow new Error('out of stock');")),
      'SANDBOX_RUNTIME',
      'out of stock [line 3]',
    );
    await expectSandboxError(
      pool.runCode(codeRequest('const x = null;\n\nreturn x.y;')),
      'SANDBOX_RUNTIME',
      /TypeError: Cannot read properties of null.*\[line 3\]/,
    );
    await expectSandboxError(
      pool.runCode(codeRequest("await null;\nthrow 'plain string'")),
      'SANDBOX_RUNTIME',
      'Uncaught plain string',
    );
  });

  it('reports syntax errors', async () => {
    await expectSandboxError(
      pool.runCode(codeRequest('return items.map(i => {')),
      'SANDBOX_SYNTAX',
      /Syntax error in code/,
    );
    // the body can't close the function wrapper and run code outside it
    await expectSandboxError(
      pool.runCode(codeRequest('}); globalThis.leak = 1; (async function () {')),
      'SANDBOX_SYNTAX',
    );
  });

  it('has no require, process, fetch, timers or module loading', async () => {
    const result = await pool.runCode(
      codeRequest(`return {
      types: [typeof require, typeof process, typeof fetch, typeof setTimeout, typeof setInterval, typeof queueMicrotask,
        typeof module, typeof Buffer, typeof XMLHttpRequest, typeof WebSocket].join(','),
    }`),
    );
    expect(result.items[0]?.json.types).toBe(Array(10).fill('undefined').join(','));
    await expectSandboxError(pool.runCode(codeRequest("return await import('node:fs')")), 'SANDBOX_RUNTIME');
    await expectSandboxError(
      pool.runCode(codeRequest("require('child_process')")),
      'SANDBOX_RUNTIME',
      /require is not defined/,
    );
  });

  it('rejects bad requests with a ValidationError naming the field', async () => {
    await expect(pool.runCode({ ...codeRequest('return []'), code: 5 as unknown as string })).rejects.toThrow(
      ValidationError,
    );
    await expect(
      pool.runCode({
        ...codeRequest('return []'),
        items: [{ json: [] as unknown as Record<string, never> }],
      }),
    ).rejects.toThrow('items.0.json');
    await expect(pool.runCode({ ...codeRequest('return []'), timeoutMs: -1 })).rejects.toThrow('timeoutMs');
  });

  it('caps the result size', async () => {
    const small = createSandboxPool({ size: 1, maxOutputMb: 1 });
    try {
      await expectSandboxError(
        small.runCode(codeRequest("return [{ big: 'x'.repeat(2 * 1024 * 1024) }]")),
        'SANDBOX_OUTPUT',
      );
      expect((await small.runCode(codeRequest('return [{ ok: true }]'))).items).toEqual([
        { json: { ok: true } },
      ]);
      const big = await small
        .evaluateExpressions({
          templates: ["{{ 'y'.repeat(2 * 1024 * 1024) }}"],
          context: expressionContext(),
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(big).toMatchObject({ code: 'SANDBOX_OUTPUT' });
    } finally {
      await small.close();
    }
  });
});
