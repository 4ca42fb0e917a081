import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, setupOwner, OWNER } from './support/api.js';
import { waitFor } from './support/poll.js';
import { start, type StartedServer } from './support/server.js';
import { tempDir } from './support/temp-dir.js';
import {
  ORDER,
  ORDER_TOTAL,
  ifNode,
  link,
  respondNode,
  setNode,
  webhookNode,
  workflow,
} from './support/workflows.js';

// The first-run walkthrough: fresh data dir → owner → workflow over the API → activate → call it →
// read the execution back with every node's output.
describe('walkthrough: fresh install to a recorded webhook execution', () => {
  const tmp = tempDir();
  let server: StartedServer;
  let api: ApiClient;

  beforeAll(async () => {
    server = await start(tmp.dir);
  });
  afterAll(async () => {
    await server?.stop();
    tmp.cleanup();
  });

  it('refuses the API before setup and creates the owner once', async () => {
    const anonymous = new ApiClient(server.url, undefined);
    expect((await anonymous.get('/api/v1/workflows')).status).toBe(401);
    api = await setupOwner(server.url);
    const again = await anonymous.post('/api/v1/setup', { ...OWNER, email: 'second@shop.test' });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
  });

  it('creates, activates and runs webhook → Set → If → Respond, and records every node', async () => {
    const doc = workflow(
      'Big orders',
      [
        webhookNode('hook', 'orders/new', 'responseNode'),
        setNode('total', [
          {
            name: 'total',
            value: '{{ $json.body.items.reduce((s, i) => s + i.qty * i.price, 0) }}',
            type: 'number',
          },
        ]),
        ifNode('big', [{ left: '{{ $json.total }}', operator: 'gt', right: 30 }]),
        respondNode('respondBig'),
        respondNode('respondSmall', 'firstItem', 202),
      ],
      [
        link('hook', 'total'),
        link('total', 'big'),
        link('big', 'respondBig', 'true'),
        link('big', 'respondSmall', 'false'),
      ],
    );
    const id = await api.createWorkflow(doc);
    const stored = await api.get(`/api/v1/workflows/${id}`);
    expect(stored.status).toBe(200);
    expect(stored.body.active).toBe(false);
    expect(stored.body.document.nodes.map((n: { id: string }) => n.id)).toEqual([
      'hook',
      'total',
      'big',
      'respondBig',
      'respondSmall',
    ]);

    // not active yet: the webhook does not exist
    const before = await fetch(`${server.url}/webhook/orders/new`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ORDER),
    });
    expect(before.status).toBe(404);

    await api.activate(id);
    expect((await api.get(`/api/v1/workflows/${id}`)).body.active).toBe(true);

    const res = await fetch(`${server.url}/webhook/orders/new?channel=web`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shop': 'demo' },
      body: JSON.stringify(ORDER),
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as {
      total: number;
      body: { orderId: number };
      query: Record<string, string>;
    };
    expect(answer.total).toBe(ORDER_TOTAL);
    expect(answer.body.orderId).toBe(123);
    expect(answer.query.channel).toBe('web');

    const list = await waitFor(
      async () => {
        const items = await api.listExecutions(id);
        return items.length === 1 && items[0]?.status === 'success' ? items : undefined;
      },
      { what: 'one successful execution in the list' },
    );
    const execution = await api.getExecution(list[0]!.id);
    expect(execution.status).toBe('success');
    expect(execution.workflowId).toBe(id);

    const step = (nodeId: string) => {
      const found = execution.steps.filter((s) => s.nodeId === nodeId);
      expect(found, `steps of ${nodeId}`).toHaveLength(1);
      expect(found[0]!.status, `status of ${nodeId}`).toBe('success');
      return found[0]!;
    };
    const hook = step('hook');
    expect(hook.output?.['main']?.[0]?.json).toMatchObject({ body: ORDER, query: { channel: 'web' } });
    expect((hook.output?.['main']?.[0]?.json['headers'] as Record<string, string>)['x-shop']).toBe('demo');

    const total = step('total');
    expect(total.input?.[0]?.[0]?.json).toMatchObject({ body: ORDER });
    expect(total.output?.['main']?.[0]?.json).toMatchObject({ total: ORDER_TOTAL, body: ORDER });

    const big = step('big');
    expect(big.output?.['true']).toHaveLength(1);
    expect(big.output?.['false'] ?? []).toHaveLength(0);

    const respond = step('respondBig');
    expect(respond.output?.['main']?.[0]?.json).toMatchObject({ total: ORDER_TOTAL });

    // the dead branch did not run
    expect(execution.steps.filter((s) => s.nodeId === 'respondSmall' && s.status === 'success')).toHaveLength(
      0,
    );
  });

  it('takes the other branch for a small order', async () => {
    const workflows = await api.get('/api/v1/workflows');
    expect(workflows.status).toBe(200);
    const res = await fetch(`${server.url}/webhook/orders/new`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId: 7, items: [{ sku: 'C', qty: 1, price: 5 }] }),
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ total: 5 });
  });
});
