import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, startTestServer, type TestServer } from '../test-support/test-server.js';

/** Editor partial runs ("run to here" / "run from here") reuse the last run's upstream data. */

let server: TestServer;
let cookie: string;
let workflowId: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = await setupOwner(server);
  workflowId = (
    await api('POST', '/api/v1/workflows', {
      name: 'Partial',
      nodes: [
        { id: 'trigger', name: 'Start', type: 'core.manualTrigger' },
        {
          id: 'rand',
          name: 'Rand',
          type: 'core.set',
          params: { fields: [{ name: 'r', value: '{{ Math.random() }}' }] },
        },
        {
          id: 'copy',
          name: 'Copy',
          type: 'core.set',
          params: { fields: [{ name: 'c', value: '{{ $json.r }}' }] },
        },
      ],
      connections: [
        { from: { node: 'trigger' }, to: { node: 'rand' } },
        { from: { node: 'rand' }, to: { node: 'copy' } },
      ],
    })
  ).json.id;
});
afterAll(async () => {
  await server.stop();
});

function api(method: string, path: string, json?: unknown) {
  return server.request(method, path, json === undefined ? { cookie } : { cookie, json });
}

type Step = { nodeId: string; status: string; output?: { main?: { json: Record<string, unknown> }[] } };
const out = (steps: Step[], nodeId: string) =>
  steps.find((s) => s.nodeId === nodeId)?.output?.main?.[0]?.json;

async function run(body: Record<string, unknown>) {
  const res = await api('POST', `/api/v1/workflows/${workflowId}/run`, { wait: true, ...body });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  expect(res.json.status).toBe('success');
  return res.json as { id: string; startNodeId: string; steps: Step[] };
}

describe('partial runs', () => {
  it('"run from here" and "run to here" reuse the prior execution\'s upstream steps', async () => {
    const first = await run({ items: [{ json: { order: 7 } }] });
    const r = out(first.steps, 'rand')?.['r'];
    expect(typeof r).toBe('number');
    expect(out(first.steps, 'rand')?.['order']).toBe(7);

    // from here: Rand is reused (same random number), Copy runs again on it
    const from = await run({ startNodeId: 'copy', priorExecutionId: first.id });
    expect(from.startNodeId).toBe('trigger');
    expect(out(from.steps, 'rand')?.['r']).toBe(r);
    expect(out(from.steps, 'copy')).toMatchObject({ order: 7, r, c: r });

    // to here: everything upstream of the destination is reused, the destination re-runs
    const to = await run({ destinationNodeId: 'rand', priorExecutionId: first.id });
    expect(out(to.steps, 'rand')?.['r']).not.toBe(r); // the destination itself runs again
    expect(out(to.steps, 'copy')).toBeUndefined();
    const toCopy = await run({ destinationNodeId: 'copy', priorExecutionId: first.id });
    expect(out(toCopy.steps, 'rand')?.['r']).toBe(r);
    expect(out(toCopy.steps, 'trigger')).toMatchObject({ order: 7 });
  });

  it('reruns the start node and its descendants, and runs plainly without a prior execution', async () => {
    const first = await run({});
    const r = out(first.steps, 'rand')?.['r'];
    const again = await run({ startNodeId: 'rand', priorExecutionId: first.id });
    expect(out(again.steps, 'rand')?.['r']).not.toBe(r);

    // no prior execution: the start node gets the given items, no upstream data
    const plain = await run({ startNodeId: 'copy' });
    expect(plain.startNodeId).toBe('copy');
    expect(out(plain.steps, 'copy')?.['r']).toBeUndefined();

    // an unknown prior execution is ignored (a plain run), a bad id type is a named 400
    const unknown = await run({ startNodeId: 'copy', priorExecutionId: 'nope' });
    expect(unknown.startNodeId).toBe('copy');
    const bad = await api('POST', `/api/v1/workflows/${workflowId}/run`, { priorExecutionId: 5 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('priorExecutionId');
  });

  it('returns the workflow document an execution ran', async () => {
    const first = await run({});
    const detail = await api('GET', `/api/v1/executions/${first.id}`);
    expect(detail.json.document).toMatchObject({
      name: 'Partial',
      nodes: [{ id: 'trigger' }, { id: 'rand' }, { id: 'copy' }],
    });
    // an edited (unsaved) document that was run is what the snapshot shows
    const doc = (await api('GET', `/api/v1/workflows/${workflowId}`)).json.document;
    const edited = await run({ document: { ...doc, name: 'Edited in the editor' } });
    expect((await api('GET', `/api/v1/executions/${edited.id}`)).json.document.name).toBe(
      'Edited in the editor',
    );
  });
});
