import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualWorkflow, setupOwner, startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let cookie: string;
let workflowA: string;
let workflowB: string;
const executionsA: string[] = [];
beforeAll(async () => {
  server = await startTestServer();
  cookie = await setupOwner(server);
  workflowA = (await api('POST', '/api/v1/workflows', manualWorkflow('A'))).json.id;
  workflowB = (await api('POST', '/api/v1/workflows', manualWorkflow('B'))).json.id;
  for (let i = 0; i < 5; i++)
    executionsA.push((await api('POST', `/api/v1/workflows/${workflowA}/run`, { wait: true })).json.id);
  await api('POST', `/api/v1/workflows/${workflowB}/run`, { wait: true });
});
afterAll(async () => {
  await server.stop();
});

function api(method: string, path: string, json?: unknown) {
  return server.request(method, path, json === undefined ? { cookie } : { cookie, json });
}

describe('execution routes', () => {
  it('lists with filters and cursor pages', async () => {
    const all = await api('GET', '/api/v1/executions');
    expect(all.json.items).toHaveLength(6);
    const onlyA = await api('GET', `/api/v1/executions?workflowId=${workflowA}&status=success,error`);
    expect(onlyA.json.items).toHaveLength(5);
    expect(onlyA.json.items.every((e: { workflowId: string }) => e.workflowId === workflowA)).toBe(true);
    expect((await api('GET', '/api/v1/executions?status=error')).json.items).toHaveLength(0);
    expect((await api('GET', '/api/v1/executions?from=2999-01-01')).json.items).toHaveLength(0);
    expect((await api('GET', '/api/v1/executions?to=2000-01-01T00:00:00Z')).json.items).toHaveLength(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { json: { items: { id: string }[]; nextCursor: string | null } } = await api(
        'GET',
        `/api/v1/executions?workflowId=${workflowA}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.json.items.map((e) => e.id));
      cursor = page.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen)).toEqual(new Set(executionsA));

    const bad = await api('GET', '/api/v1/executions?status=done');
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toMatch(/^query\.status/);
    expect((await api('GET', '/api/v1/executions?limit=1000')).json.error.field).toBe('query.limit');
    expect((await api('GET', '/api/v1/executions?from=yesterday')).json.error.field).toBe('query.from');
  });

  it('gets one execution with steps, retries and deletes it', async () => {
    const id = executionsA[0]!;
    const detail = await api('GET', `/api/v1/executions/${id}`);
    expect(detail.json).toMatchObject({ id, workflowId: workflowA, status: 'success' });
    expect(detail.json.steps.length).toBeGreaterThanOrEqual(2);
    expect((await api('GET', '/api/v1/executions/nope')).status).toBe(404);

    const notFailed = await api('POST', `/api/v1/executions/${id}/retry`);
    expect(notFailed.status).toBe(409);

    const cancel = await api('POST', `/api/v1/executions/${id}/cancel`);
    expect(cancel.json).toMatchObject({ canceled: false, status: 'success' });

    expect((await api('DELETE', `/api/v1/executions/${id}`)).status).toBe(204);
    expect((await api('GET', `/api/v1/executions/${id}`)).status).toBe(404);
  });

  it('retries a failed execution', async () => {
    const failing = await api('POST', '/api/v1/workflows', {
      name: 'Fails',
      nodes: [
        { id: 'trigger', name: 'Start', type: 'core.manualTrigger' },
        { id: 'stop', name: 'Stop', type: 'core.stopAndError', params: { message: 'out of stock' } },
      ],
      connections: [{ from: { node: 'trigger' }, to: { node: 'stop' } }],
    });
    const run = await api('POST', `/api/v1/workflows/${failing.json.id}/run`, { wait: true });
    expect(run.json.status).toBe('error');
    expect(run.json.error.message).toContain('out of stock');
    const retried = await api('POST', `/api/v1/executions/${run.json.id}/retry`);
    expect(retried.status).toBe(201);
    expect(retried.json.retryOf).toBe(run.json.id);
    const errors = await api('GET', `/api/v1/executions?workflowId=${failing.json.id}&status=error`);
    expect(errors.json.items.length).toBeGreaterThanOrEqual(1);
  });

  it('streams events of an execution and closes after finished', async () => {
    const started = await api('POST', `/api/v1/workflows/${workflowA}/run`, {});
    const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/executions/${started.json.id}/events`, {
      headers: { cookie },
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text(); // ends because the stream closes after `finished`
    expect(text).toContain('event: finished');
    expect(text).toContain('"status":"success"');
  });

  it('streams the events of a workflow for the editor', async () => {
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/workflows/${workflowB}/events`, {
      headers: { cookie },
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    await api('POST', `/api/v1/workflows/${workflowB}/run`, {});
    let text = '';
    while (!text.includes('event: finished')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: step');
    expect(text).toContain('event: finished');
  });
});
