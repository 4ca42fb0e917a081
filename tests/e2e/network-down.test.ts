import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, setupOwner } from './support/api.js';
import { sleep, waitFor } from './support/poll.js';
import { freePort, start, type StartedServer } from './support/server.js';
import { tempDir } from './support/temp-dir.js';
import { link, setNode, webhookNode, workflow } from './support/workflows.js';

// The shop's internet goes down: calls to the supplier fail to connect. Executions park (durably,
// status 'waiting') and retry with backoff; the server is killed -9 meanwhile and started again;
// when the supplier is reachable again every accepted order is delivered exactly once.
describe('network down: durable retries', () => {
  const tmp = tempDir();
  let server: StartedServer | undefined;
  let supplier: http.Server | undefined;

  afterAll(async () => {
    await server?.kill();
    await new Promise((resolve) => (supplier ? supplier.close(resolve) : resolve(undefined)));
    tmp.cleanup();
  });

  it('parks while the host is unreachable, survives kill -9, and delivers each order once', async () => {
    const supplierPort = await freePort(); // nothing listens there yet: connections are refused
    const env = { SHOPWIRE_NETWORK_RETRY_BASE_MS: '200', SHOPWIRE_NETWORK_RETRY_MAX_MS: '600' };
    server = await start(tmp.dir, env);
    const port = server.port;
    let api = await setupOwner(server.url);
    const post = {
      id: 'order',
      name: 'Send to supplier',
      type: 'core.httpRequest',
      typeVersion: 1,
      position: [300, 0] as [number, number],
      // POST is not idempotent: it may be retried only because the connection was never made
      params: {
        method: 'POST',
        url: `http://127.0.0.1:${supplierPort}/orders`,
        bodyType: 'json',
        body: { n: '{{ $json.body.n }}' },
        maxRetries: 0,
        timeoutMs: 2000,
      },
    };
    const workflowId = await api.createWorkflow(
      workflow(
        'Order to supplier',
        [
          webhookNode('hook', 'supplier-order', 'immediately'),
          post,
          setNode('done', [{ name: 'done', value: true }]),
        ],
        [link('hook', 'order'), link('order', 'done')],
      ),
    );
    await api.activate(workflowId);

    for (let n = 0; n < 4; n++) {
      const res = await fetch(`${server.url}/webhook/supplier-order`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ n }),
      });
      expect(res.ok, `accepted: ${res.status}`).toBe(true);
      await res.arrayBuffer();
    }

    // every execution parks, and keeps trying (the attempt count grows)
    const parked = await waitFor(
      async () => {
        const list = await api.listExecutions(workflowId);
        if (list.length !== 4 || !list.every((e) => e.status === 'waiting')) return undefined;
        const details = await Promise.all(list.map((e) => api.getExecution(e.id)));
        const attempts = details.map((d) => {
          const step = d.steps.find((s) => s.nodeId === 'order');
          expect(step?.error?.code).toBe('NETWORK_DOWN');
          return (
            (step?.error as { networkRetry?: { attempts: number } } | undefined)?.networkRetry?.attempts ?? 0
          );
        });
        return attempts.every((a) => a >= 2) ? list : undefined;
      },
      { what: '4 parked executions that retried at least twice', timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(parked).toHaveLength(4);

    // the process dies while the executions are parked
    await server.kill('SIGKILL');

    // the link comes back: the supplier records every order it receives
    const received: number[] = [];
    supplier = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(Number((JSON.parse(body) as { n: unknown }).n));
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => supplier!.listen(supplierPort, '127.0.0.1', resolve));

    server = await start(tmp.dir, env, { port });
    api = new ApiClient(server.url, api.auth); // sessions live in the database
    await waitFor(
      async () => {
        const list = await api.listExecutions(workflowId);
        return list.length === 4 && list.every((e) => e.status === 'success') ? list : undefined;
      },
      { what: 'all 4 executions to finish after the link came back', timeoutMs: 20_000, intervalMs: 200 },
    );
    await sleep(300); // nothing else may arrive late
    expect(received.sort()).toEqual([0, 1, 2, 3]);
  }, 60_000);
});
