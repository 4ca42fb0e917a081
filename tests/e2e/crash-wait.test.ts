import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, setupOwner } from './support/api.js';
import { sleep, waitFor } from './support/poll.js';
import { start, type StartedServer } from './support/server.js';
import { tempDir } from './support/temp-dir.js';
import { codeNode, link, setNode, waitNode, webhookNode, workflow } from './support/workflows.js';

// kill -9 while an execution waits (Wait node, 3 s). The wait is durable: after a restart the
// execution resumes when its time comes (or at once if that time passed while the server was
// down), and the steps before the Wait are replayed, not re-run.
const WAIT_MS = 3000;

describe('crash while an execution waits', () => {
  const tmp = tempDir();
  let server: StartedServer | undefined;

  afterAll(async () => {
    await server?.kill();
    tmp.cleanup();
  });

  async function fire(url: string, n: number): Promise<number> {
    const firedAt = Date.now();
    const res = await fetch(`${url}/webhook/later`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ n }),
    });
    expect(res.ok, `immediate answer ${res.status}`).toBe(true); // 2xx: the execution is accepted
    await res.arrayBuffer();
    return firedAt;
  }

  async function waitingExecution(api: ApiClient, workflowId: string, known: Set<string>) {
    return waitFor(
      async () =>
        (await api.listExecutions(workflowId)).find((e) => !known.has(e.id) && e.status === 'waiting'),
      { what: 'an execution in status waiting', timeoutMs: 5000, intervalMs: 50 },
    );
  }

  async function checkResumed(
    api: ApiClient,
    executionId: string,
    opts: { firedAt: number; killedAt: number; n: number },
  ) {
    const done = await waitFor(
      async () => {
        const e = await api.getExecution(executionId);
        return e.status === 'success' ? e : undefined;
      },
      { what: `execution ${executionId} to finish after the restart`, timeoutMs: 15_000, intervalMs: 100 },
    );
    const only = (nodeId: string) => {
      const steps = done.steps.filter((s) => s.nodeId === nodeId && s.status === 'success');
      expect(steps, `successful steps of ${nodeId}`).toHaveLength(1);
      return steps[0]!;
    };
    const hook = only('hook');
    const stamp = only('stamp');
    const after = only('after');
    // pre-wait steps ran once, before the crash
    expect(Date.parse(hook.finishedAt!)).toBeLessThan(opts.killedAt);
    expect(Date.parse(stamp.finishedAt!)).toBeLessThan(opts.killedAt);
    expect(done.steps.filter((s) => s.nodeId === 'hook' || s.nodeId === 'stamp')).toHaveLength(2);
    // the node after the wait ran no earlier than the wait allowed
    expect(Date.parse(after.finishedAt!)).toBeGreaterThanOrEqual(opts.firedAt + WAIT_MS - 50);
    // the random token recorded before the crash flowed through unchanged
    const token = stamp.output?.['main']?.[0]?.json['token'];
    expect(typeof token).toBe('number');
    expect(after.output?.['main']?.[0]?.json).toMatchObject({ n: opts.n, token, resumed: true });
    return done;
  }

  it('resumes after the wait time and does not re-run the steps before the Wait', async () => {
    server = await start(tmp.dir);
    const port = server.port;
    let api = await setupOwner(server.url);
    const id = await api.createWorkflow(
      workflow(
        'Follow up later',
        [
          webhookNode('hook', 'later', 'immediately'),
          codeNode('stamp', 'return items.map(i => ({ json: { n: i.json.body.n, token: Math.random() } }))'),
          waitNode('pause', WAIT_MS / 1000),
          setNode('after', [{ name: 'resumed', value: true, type: 'boolean' }]),
        ],
        [link('hook', 'stamp'), link('stamp', 'pause'), link('pause', 'after')],
      ),
    );
    await api.activate(id);
    const known = new Set<string>();

    // 1. restart during the wait: it finishes when the wait is over, not before
    const firedA = await fire(server.url, 1);
    const a = await waitingExecution(api, id, known);
    known.add(a.id);
    const killedA = Date.now();
    await server.kill('SIGKILL');
    server = await start(tmp.dir, {}, { port });
    api = new ApiClient(server.url, api.auth);
    const doneA = await checkResumed(api, a.id, { firedAt: firedA, killedAt: killedA, n: 1 });
    expect(Date.parse(doneA.finishedAt as string)).toBeLessThan(firedA + WAIT_MS + 10_000);

    // 2. the wait ends while the server is down: it resumes right after the restart
    const firedB = await fire(server.url, 2);
    const b = await waitingExecution(api, id, known);
    const killedB = Date.now();
    await server.kill('SIGKILL');
    await sleep(Math.max(0, firedB + WAIT_MS + 300 - Date.now()));
    server = await start(tmp.dir, {}, { port });
    const restartedB = Date.now();
    api = new ApiClient(server.url, api.auth);
    const doneB = await checkResumed(api, b.id, { firedAt: firedB, killedAt: killedB, n: 2 });
    expect(Date.parse(doneB.finishedAt as string)).toBeLessThan(restartedB + 3000);
  });
});
