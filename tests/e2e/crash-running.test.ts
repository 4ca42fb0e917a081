import { afterAll, describe, expect, it } from 'vitest';
import type { StepRecord } from '@shopwire/sdk';
import { ApiClient, setupOwner } from './support/api.js';
import { sleep, waitFor } from './support/poll.js';
import { start, type StartedServer } from './support/server.js';
import { startSlowServer, type SlowServer } from './support/slow-server.js';
import { tempDir } from './support/temp-dir.js';
import {
  ORDER,
  ORDER_TOTAL,
  codeNode,
  httpNode,
  link,
  orderTotalWorkflow,
  setNode,
  webhookNode,
  workflow,
} from './support/workflows.js';

// kill -9 while five executions sit inside a slow HTTP call; after a restart every one of them
// finishes, completed nodes are replayed from their step records (not re-run), and nothing stored
// before the crash is lost.
describe('crash while executions are running', () => {
  const tmp = tempDir();
  let server: StartedServer | undefined;
  let slow: SlowServer | undefined;

  afterAll(async () => {
    await server?.kill();
    await slow?.close();
    tmp.cleanup();
  });

  it('recovers 5 running executions after kill -9 without re-running completed nodes', async () => {
    slow = await startSlowServer(3000);
    server = await start(tmp.dir);
    const port = server.port;
    let api: ApiClient = await setupOwner(server.url);

    // Something stored earlier: a workflow with two finished executions.
    const earlierId = await api.createWorkflow(orderTotalWorkflow('earlier'));
    await api.activate(earlierId);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.url}/webhook/earlier`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ORDER),
      });
      expect(res.status).toBe(200);
    }
    const earlierExecutions = await waitFor(
      async () => {
        const list = await api.listExecutions(earlierId);
        return list.length === 2 && list.every((e) => e.status === 'success') ? list : undefined;
      },
      { what: 'the two earlier executions' },
    );
    const earlierDoc = (await api.get(`/api/v1/workflows/${earlierId}`)).body;

    // The slow workflow: webhook(immediately) → Code (random token) → HTTP (3 s) → Set.
    const slowId = await api.createWorkflow(
      workflow(
        'Slow supplier',
        [
          webhookNode('hook', 'slow', 'immediately'),
          codeNode('token', 'return items.map(i => ({ json: { n: i.json.body.n, token: Math.random() } }))'),
          httpNode('call', `${slow.url}/stock`),
          setNode('done', [{ name: 'done', value: true, type: 'boolean' }]),
        ],
        [link('hook', 'token'), link('token', 'call'), link('call', 'done')],
      ),
    );
    await api.activate(slowId);

    for (let n = 0; n < 5; n++) {
      const res = await fetch(`${server.url}/webhook/slow`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ n }),
      });
      expect(res.ok, `immediate answer ${res.status}`).toBe(true); // 2xx: the execution is accepted
      await res.arrayBuffer();
    }
    // all five are inside the HTTP call
    await waitFor(() => slow!.hits() === 5, {
      what: '5 hits on the slow server',
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    const running = await api.listExecutions(slowId);
    expect(running).toHaveLength(5);
    expect(running.every((e) => e.status === 'running')).toBe(true);
    await sleep(300); // let the journal's group commit of the Code steps land, still well inside the 3 s call

    const killedAt = Date.now();
    await server.kill('SIGKILL');
    expect(slow.hits()).toBe(5);

    server = await start(tmp.dir, {}, { port });
    const restartedAt = Date.now();
    // sessions are stored in the database: the old cookie still works
    api = new ApiClient(server.url, api.auth);
    expect((await api.get('/api/v1/workflows')).status).toBe(200);

    const finished = await waitFor(
      async () => {
        const list = await api.listExecutions(slowId);
        return list.length === 5 && list.every((e) => e.status === 'success') ? list : undefined;
      },
      { what: 'all 5 executions to end success after the restart', timeoutMs: 20_000, intervalMs: 200 },
    );
    // exactly one more HTTP call per execution: the interrupted node ran again, nothing else did
    expect(slow.hits()).toBe(10);

    const ns = new Set<number>();
    for (const summary of finished) {
      const execution = await api.getExecution(summary.id);
      const stepsOf = (nodeId: string): StepRecord[] =>
        execution.steps.filter((s) => s.nodeId === nodeId && s.status === 'success');
      const [hook, token, call, done] = ['hook', 'token', 'call', 'done'].map((id) => {
        const steps = stepsOf(id);
        expect(steps, `successful steps of ${id} in ${summary.id}`).toHaveLength(1);
        return steps[0]!;
      });
      // completed before the crash, and not run again
      expect(Date.parse(hook!.finishedAt!)).toBeLessThan(killedAt);
      expect(Date.parse(token!.finishedAt!)).toBeLessThan(killedAt);
      // the interrupted node and the rest ran after the restart
      expect(Date.parse(call!.finishedAt!)).toBeGreaterThanOrEqual(restartedAt - 1000);
      expect(Date.parse(done!.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(call!.finishedAt!));
      // the token recorded before the crash is the one that flowed on
      const recordedToken = token!.output?.['main']?.[0]?.json['token'];
      expect(typeof recordedToken).toBe('number');
      expect(done!.output?.['main']?.[0]?.json).toMatchObject({ done: true });
      expect(call!.input?.[0]?.[0]?.json['token']).toBe(recordedToken);
      ns.add(token!.output?.['main']?.[0]?.json['n'] as number);
    }
    expect([...ns].sort()).toEqual([0, 1, 2, 3, 4]);

    // everything stored before the crash is still there and still works
    const earlierAfter = await api.get(`/api/v1/workflows/${earlierId}`);
    expect(earlierAfter.status).toBe(200);
    expect(earlierAfter.body.document).toEqual(earlierDoc.document);
    expect(earlierAfter.body.active).toBe(true);
    const earlierList = await api.listExecutions(earlierId);
    expect(earlierList.map((e) => e.id).sort()).toEqual(earlierExecutions.map((e) => e.id).sort());
    expect(earlierList.every((e) => e.status === 'success')).toBe(true);
    const again = await fetch(`${server.url}/webhook/earlier`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ORDER),
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { total: number }).total).toBe(ORDER_TOTAL);
  });
});
