import { afterAll, beforeAll, expect, it } from 'vitest';
import { sleep, waitFor } from '../e2e/support/poll.js';
import { link, orderTotalWorkflow, setNode, webhookNode, workflow } from '../e2e/support/workflows.js';
import { accept, postWebhook, successSteps, waitForExecutions, waitForStatus } from './support/calls.js';
import { createCluster } from './support/cluster.js';
import { startLedger, type Ledger } from './support/ledger-server.js';
import type { QmProcess } from './support/processes.js';
import { describeQueueMode } from './support/services.js';
import { ledgerCall } from './support/workflows.js';

// 2 `start` + 2 `worker` processes on PostgreSQL + Redis: a webhook waiting for the last node is
// answered by a start process while the execution runs on a worker, and a cancel sent to a start
// process reaches the worker running the execution.

const order = (n: number) => ({
  orderId: n,
  items: [
    { sku: 'A', qty: n, price: 2.5 },
    { sku: 'B', qty: 1, price: 10 },
  ],
});
const totalOf = (n: number) => n * 2.5 + 10;

describeQueueMode('queue mode: webhooks answered across processes, cancel reaches the worker', () => {
  const cluster = createCluster({ starts: 2, workers: 2 });
  let ledger: Ledger | undefined;

  beforeAll(async () => {
    ledger = await startLedger();
    await cluster.boot();
  }, 90_000);

  afterAll(async () => {
    await ledger?.close();
    await cluster.destroy();
  }, 30_000);

  it('50 concurrent "respond when last node finishes" webhooks on 2 start processes, run by 2 workers', async () => {
    const c = cluster;
    const [mainA, mainB] = c.starts as [QmProcess, QmProcess];
    const workflowId = await c.api.createWorkflow(orderTotalWorkflow('qm-total', 'QM order total'));
    await c.api.activate(workflowId);
    // the other start process serves it after its next re-read of active workflows (≤ 3 s)
    const probe = await waitFor(
      async () => {
        const res = await postWebhook(mainB.url, 'qm-total', order(100));
        return res.status === 200 ? res : undefined;
      },
      { what: 'the second start process to serve the webhook', timeoutMs: 10_000, intervalMs: 250 },
    );
    expect(probe.body).toMatchObject({ total: totalOf(100), body: { orderId: 100 } });

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        postWebhook(n % 2 === 0 ? mainA.url : mainB.url, 'qm-total', order(n)),
      ),
    );
    answers.forEach((answer, n) => {
      expect(answer.status, `answer ${n}: ${JSON.stringify(answer.body)}`).toBe(200);
      expect(answer.body).toMatchObject({ total: totalOf(n), body: { orderId: n } });
    });

    const list = await waitForExecutions(
      c.api,
      workflowId,
      (l) => l.length >= 51 && l.every((e) => e.status === 'success'),
      {
        what: '51 successful executions',
        timeoutMs: 10_000,
      },
    );
    expect(list).toHaveLength(51);
    for (const summary of list.slice(0, 10)) {
      const execution = await c.api.getExecution(summary.id);
      expect(successSteps(execution, 'hook')).toHaveLength(1);
      const total = successSteps(execution, 'total');
      expect(total).toHaveLength(1);
      const json = total[0]!.output?.['main']?.[0]?.json as { body: { orderId: number }; total: number };
      expect(json.total).toBe(totalOf(json.body.orderId));
    }

    // who ran them: only the workers (a start process never runs executions), and both of them
    const claimers = await c.claimedBy(list.map((e) => e.id));
    const perWorker = new Map<string, number>();
    for (const id of list.map((e) => e.id)) {
      const worker = c.workerOf(claimers.get(id));
      expect(worker, `claimer of ${id}: ${claimers.get(id)}`).toBeDefined();
      perWorker.set(worker!.name, (perWorker.get(worker!.name) ?? 0) + 1);
    }
    expect([...perWorker.keys()].sort()).toEqual(['worker-1', 'worker-2']);
  }, 40_000);

  it('cancel via the API of one start process stops the execution on its worker', async () => {
    const c = cluster;
    const [mainA, mainB] = c.starts as [QmProcess, QmProcess];
    const l = ledger!;
    const workflowId = await c.api.createWorkflow(
      workflow(
        'QM slow supplier',
        [
          webhookNode('hook', 'qm-slow', 'immediately'),
          ledgerCall('slow', `${l.url}/slow?delay=20000`, { method: 'GET' }),
          ledgerCall('after', `${l.url}/after`),
          setNode('done', [{ name: 'done', value: true, type: 'boolean' }]),
        ],
        [link('hook', 'slow'), link('slow', 'after'), link('after', 'done')],
      ),
    );
    await c.api.activate(workflowId);
    const id = await accept(mainA.url, 'qm-slow', { n: 1 });
    await waitFor(() => l.inFlight('/slow').some((e) => e.key === id), {
      what: 'the slow call in flight',
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    const running = await c.api.getExecution(id);
    expect(running.status).toBe('running');
    const runner = c.workerOf((await c.claimedBy([id])).get(id));
    expect(runner, 'the execution runs on one of the workers').toBeDefined();

    const canceledAt = Date.now();
    const res = await c.apiOn(mainB).post(`/api/v1/executions/${id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.canceled).toBe(true);
    const done = await waitForStatus(c.api, id, ['canceled', 'success', 'error'], 5000);
    const tookMs = Date.now() - canceledAt;
    expect(done.status).toBe('canceled');
    expect(tookMs, 'canceled within 3 s').toBeLessThan(3000);
    // the worker dropped the slow call: its answer was never delivered, and nothing after it ran
    await waitFor(() => l.on('/slow').every((e) => e.aborted), {
      what: 'the slow call aborted',
      timeoutMs: 3000,
    });
    await sleep(500);
    expect(l.on('/slow').filter((e) => e.key === id)).toHaveLength(1);
    expect(l.on('/slow').filter((e) => e.key === id)[0]!.completed).toBe(false);
    expect(l.on('/after')).toHaveLength(0);
    const final = await c.api.getExecution(id);
    expect(final.status).toBe('canceled');
    expect(successSteps(final, 'slow')).toHaveLength(0);
    expect(final.steps.filter((s) => s.nodeId === 'after' || s.nodeId === 'done')).toHaveLength(0);
    expect(runner!.running(), 'the worker is still up').toBe(true);
  }, 30_000);

  it("the editor's live view on a start process shows the steps a worker runs", async () => {
    const c = cluster;
    const [mainA] = c.starts as [QmProcess, QmProcess];
    const workflowId = await c.api.createWorkflow(orderTotalWorkflow('qm-live', 'QM live view'));
    await c.api.activate(workflowId);
    await waitFor(
      async () => ((await postWebhook(mainA.url, 'qm-live', order(1))).status === 200 ? true : undefined),
      { what: 'the webhook served', timeoutMs: 10_000, intervalMs: 250 },
    );
    const controller = new AbortController();
    const res = await fetch(`${mainA.url}/api/v1/workflows/${workflowId}/events`, {
      headers: c.apiOn(mainA).headers(),
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    let text = '';
    const reading = (async () => {
      const reader = res.body!.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })().catch(() => undefined); // ends with the abort below
    // workers learn of the new listener through Redis: call until a run's steps show up
    let n = 1;
    await waitFor(
      async () => {
        n += 1;
        const answer = await postWebhook(mainA.url, 'qm-live', order(n));
        expect(answer.body).toMatchObject({ total: totalOf(n) });
        await sleep(100);
        return text.includes('"nodeId":"total"') ? true : undefined;
      },
      { what: 'a step event at the live view', timeoutMs: 10_000, intervalMs: 50 },
    );
    controller.abort();
    await reading;
    const steps = text
      .split('\n\n')
      .filter((block) => block.startsWith('event: step'))
      .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { step: { nodeId: string } });
    expect(steps.map((e) => e.step.nodeId)).toEqual(expect.arrayContaining(['hook', 'total']));
  }, 30_000);

  it('failed logins on one start process count on the other: the lockout is shared through Redis', async () => {
    const [mainA, mainB] = cluster.starts as [QmProcess, QmProcess];
    const login = (url: string) =>
      fetch(`${url}/api/v1/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@qm.example', password: 'wrong guess' }),
      });
    // SHOPWIRE_LOGIN_MAX_FAILURES defaults to 5: spread the failures over both processes
    for (const url of [mainA.url, mainB.url, mainA.url, mainB.url, mainA.url]) {
      const res = await login(url);
      expect(res.status).toBe(401);
      await res.arrayBuffer();
    }
    for (const url of [mainA.url, mainB.url]) {
      const res = await login(url);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      await res.arrayBuffer();
    }
  });
});
