import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxError } from '@shopwire/sdk';
import { childScriptPath } from './child-script.js';
import { createSandboxPool } from './index.js';
import { codeRequest, expressionContext } from './test-helpers.js';

const pools: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

function pool(options: Parameters<typeof createSandboxPool>[0]) {
  const p = createSandboxPool(options);
  pools.push(p);
  return p;
}

async function failure(promise: Promise<unknown>): Promise<SandboxError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SandboxError);
  return error as SandboxError;
}

const batch = (template: string, timeoutMs?: number) => ({
  templates: [template],
  context: expressionContext(),
  itemIndexes: [0],
  ...(timeoutMs === undefined ? {} : { timeoutMs }),
});

describe('sandbox pool supervision', () => {
  it('finds the built child from src and explains a missing build', () => {
    expect(childScriptPath()).toMatch(/packages[\\/]sandbox[\\/]dist[\\/]child[\\/]main\.js$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
    try {
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@shopwire/sandbox' }));
      fs.mkdirSync(path.join(dir, 'src'));
      expect(() => childScriptPath(pathToFileURL(path.join(dir, 'src', 'index.js')).href)).toThrow(
        'run npm run build',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('kills a child that stops answering and fails only its request', async () => {
    const p = pool({ size: 1 });
    await p.evaluateExpressions(batch('{{ 1 }}')); // wait for the child to be up
    const [pid] = p.pids();
    process.kill(pid as number, 'SIGSTOP'); // frozen: neither the isolate timeout nor the child can answer
    const started = Date.now();
    const error = await failure(p.evaluateExpressions(batch('{{ 1 }}', 200)));
    expect(error.code).toBe('SANDBOX_TIMEOUT');
    expect(error.message).toContain('did not answer');
    expect(Date.now() - started).toBeLessThan(3000);
    const { values } = await p.evaluateExpressions(batch('{{ 40 + 2 }}'));
    expect(values[0]?.[0]).toEqual({ ok: true, value: 42 });
    expect(p.pids()[0]).not.toBe(pid);
    expect(p.stats()).toMatchObject({ children: 1, restarts: 1, inFlight: 0 });
  });

  it('fails the request of a crashed child with SANDBOX_MEMORY and keeps the other child working', async () => {
    const p = pool({ size: 2 });
    await Promise.all([p.runCode(codeRequest('return []')), p.runCode(codeRequest('return []'))]);
    const looping = failure(p.runCode(codeRequest('for (;;) {}', { timeoutMs: 5000 })));
    // the other child still answers while one loops
    expect((await p.runCode(codeRequest('return [{ ok: 1 }]'))).items).toHaveLength(1);
    // an abort is how V8 reports an out-of-memory the isolate could not catch
    for (const pid of p.pids()) process.kill(pid, 'SIGABRT');
    const error = await looping;
    expect(error.code).toBe('SANDBOX_MEMORY');
    expect(error.message).toBe('the sandbox process ran out of memory or crashed while running this code');
    // the idle child was aborted too: wait until both exits were seen and replaced
    while (p.stats().restarts < 2) await new Promise((r) => setTimeout(r, 10));
    expect((await p.runCode(codeRequest('return [{ ok: 2 }]'))).items).toEqual([{ json: { ok: 2 } }]);
    expect(p.stats()).toMatchObject({ children: 2, restarts: 2 });
  });

  it('re-queues a batch that was waiting behind a request whose child crashed', async () => {
    const p = pool({ size: 1 });
    await p.evaluateExpressions(batch('{{ 1 }}'));
    const looping = failure(p.evaluateExpressions(batch('{{ (() => { for (;;) {} })() }}', 5000)));
    const waiting = p.evaluateExpressions(batch('{{ "still here" }}'));
    await new Promise((r) => setTimeout(r, 100));
    process.kill(p.pids()[0] as number, 'SIGABRT');
    expect((await looping).code).toBe('SANDBOX_MEMORY');
    expect((await waiting).values[0]?.[0]).toEqual({ ok: true, value: 'still here' });
  });

  it('queues code jobs on a busy child, and runs a job put back after a crash alone', async () => {
    const p = pool({ size: 1 });
    await p.runCode(codeRequest('return []')); // child up
    const loop = (): Promise<SandboxError> =>
      failure(p.runCode(codeRequest('for (;;) {}', { timeoutMs: 5000 })));
    const first = loop();
    const innocent = p.runCode(codeRequest('return [{ n: 1 }]'));
    const second = loop();
    const last = p.runCode(codeRequest('return [{ n: 2 }]'));
    // all four are on the child already (no round trip between them), none in the parent's queue
    expect(p.stats()).toMatchObject({ inFlight: 4, waiting: 0 });
    await new Promise((r) => setTimeout(r, 100));
    process.kill(p.pids()[0] as number, 'SIGABRT');
    expect((await first).code).toBe('SANDBOX_MEMORY');
    // the three that waited behind it were put back; each now runs alone
    expect((await innocent).items).toEqual([{ json: { n: 1 } }]);
    expect(p.stats()).toMatchObject({ inFlight: 2, waiting: 1 }); // the second loop runs, `last` waits
    await new Promise((r) => setTimeout(r, 100));
    process.kill(p.pids()[0] as number, 'SIGABRT');
    expect((await second).code).toBe('SANDBOX_MEMORY');
    // not failed as "crashed repeatedly": it was never queued behind the second loop
    expect((await last).items).toEqual([{ json: { n: 2 } }]);
  });

  it('kills a child above maxRssMb', async () => {
    const p = pool({ size: 1, memoryMb: 256, maxRssMb: 150 });
    const code =
      'const keep = []; for (let i = 0; i < 150; i++) keep.push(new Array(125000).fill(i + 0.5)); for (;;) {}';
    const error = await failure(p.runCode(codeRequest(code, { timeoutMs: 8000 })));
    expect(error.code).toBe('SANDBOX_MEMORY');
    expect(error.message).toContain('150 MB');
    expect((await p.runCode(codeRequest('return [{}]'))).items).toHaveLength(1);
  });

  it('runs requests concurrently across children and reports stats', async () => {
    const p = pool({ size: 2 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => p.evaluateExpressions(batch(`{{ ${i} * 2 }}`))),
    );
    expect(results.map((r) => r.values[0]?.[0])).toEqual(
      Array.from({ length: 50 }, (_, i) => ({ ok: true, value: i * 2 })),
    );
    expect(p.stats()).toEqual({ children: 2, restarts: 0, inFlight: 0, waiting: 0, available: true });
  });

  it('rejects requests after close', async () => {
    const p = pool({ size: 1 });
    await p.close();
    const error = await failure(p.evaluateExpressions(batch('{{ 1 }}')));
    expect(error.code).toBe('SANDBOX_CRASHED');
    expect(p.stats().children).toBe(0);
  });
});

describe('sandbox pool started on demand (idleMs)', () => {
  const gone = (pid: number) => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  };
  const until = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 5000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('starts no child until the first request, and stops it after idleMs without one', async () => {
    const p = pool({ size: 1, idleMs: 300 });
    expect(p.stats()).toMatchObject({ children: 0, available: true });
    const { values } = await p.evaluateExpressions(batch('{{ 6 * 7 }}'));
    expect(values[0]?.[0]).toEqual({ ok: true, value: 42 });
    const [pid] = p.pids();
    expect(pid).toBeTypeOf('number');
    // a request before the idle time is up keeps the same child
    await new Promise((r) => setTimeout(r, 150));
    await p.runCode(codeRequest('return [{}]'));
    expect(p.pids()).toEqual([pid]);
    await until(() => p.stats().children === 0 && gone(pid as number), 'the idle child to stop');
    // stopping while idle is not a crash: nothing restarted, and the next request starts a child
    expect(p.stats()).toMatchObject({ restarts: 0, available: true });
    expect((await p.runCode(codeRequest('return [{ again: true }]'))).items).toEqual([
      { json: { again: true } },
    ]);
    expect(p.pids()).toHaveLength(1);
    expect(p.pids()[0]).not.toBe(pid);
  });

  it('never stops a child while a request runs, however long it takes', async () => {
    const p = pool({ size: 1, idleMs: 100 });
    // busy for ~400 ms (the sandbox has no timers), four times idleMs
    const slow = p.runCode(
      codeRequest('const end = Date.now() + 400; while (Date.now() < end) {} return [{ done: true }]'),
    );
    await until(() => p.pids().length === 1, 'the child to start');
    const [pid] = p.pids();
    expect((await slow).items).toEqual([{ json: { done: true } }]);
    expect(p.pids()).toEqual([pid]);
    expect(p.stats().restarts).toBe(0);
  });

  it('serves requests that arrive around the moment an idle child is stopped', async () => {
    const p = pool({ size: 1, idleMs: 20 });
    const seen = new Set<number>();
    // pauses just under, at and just over idleMs: some requests land while a child is stopping
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 15 + (i % 10)));
      const { values } = await p.evaluateExpressions(batch(`{{ ${i} }}`));
      expect(values[0]?.[0]).toEqual({ ok: true, value: i });
      for (const pid of p.pids()) seen.add(pid);
    }
    expect(seen.size).toBeGreaterThan(1); // children were stopped and started in between
    expect(p.stats()).toMatchObject({ restarts: 0, available: true });
    expect(p.stats().children).toBeLessThanOrEqual(1);
  });
});

describe('sandbox pool batching', () => {
  it('answers many expression batches handed over in one turn, each with its own result, in order', async () => {
    const p = pool({ size: 1 });
    await p.evaluateExpressions(batch('{{ 1 }}')); // child up
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => p.evaluateExpressions(batch(`{{ ${i} * 2 }}`))),
    );
    expect(answers.map((a) => a.values[0]?.[0])).toEqual(
      Array.from({ length: 40 }, (_, i) => ({ ok: true, value: i * 2 })),
    );
    // a batch that times out, queued among others, fails alone
    const mixed = await Promise.allSettled([
      p.evaluateExpressions(batch('{{ 5 }}')),
      p.evaluateExpressions(batch('{{ (() => { for (;;) {} })() }}', 100)),
      p.evaluateExpressions(batch('{{ 7 }}')),
    ]);
    expect(mixed.map((r) => (r.status === 'fulfilled' ? r.value.values[0]?.[0] : 'failed'))).toEqual([
      { ok: true, value: 5 },
      expect.anything(),
      { ok: true, value: 7 },
    ]);
  });
});
