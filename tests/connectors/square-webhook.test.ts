import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import squarePackage from '@shopwire/nodes-square';
import type { NodeDefinition } from '@shopwire/sdk';
import { startSquareFake, type SquareFake } from '../fakes/square/index.js';
import { runWithKey } from './support/run-with-key.js';
import { finishedExecutions, startSignedInServer, type SignedInServer } from './support/signed-in-server.js';

// the square webhook trigger through the real server's webhook route (node-level tests: square.test.ts)
const SIGNATURE_KEY = 'sq0wsk-shopwire-test-key';
const node = (type: string): NodeDefinition => {
  const found = squarePackage.nodes.find((n) => n.type === type);
  if (!found) throw new Error(`no node ${type}`);
  return found;
};

let fake: SquareFake;
beforeAll(async () => {
  fake = await startSquareFake({ rateLimitPerSecond: false, catalogPageSize: 30 });
});
afterAll(async () => fake.close());

/** Runs a node against the fake like the engine does (fresh idempotency key). */
const run = (type: string, params: Record<string, unknown>) =>
  runWithKey({
    node: node(type),
    params,
    credentials: { square: { accessToken: fake.accessToken, baseUrl: fake.url } },
    key: randomUUID().slice(0, 30),
  });

describe('square.webhookTrigger through the server webhook route', () => {
  let sw: SignedInServer;
  let workflowId: string;
  let hookUrl: string;
  beforeAll(async () => {
    sw = await startSignedInServer();
    hookUrl = `http://127.0.0.1:${sw.server.port}/webhook/square-shop`;
    const credential = await sw.api('POST', '/api/v1/credentials', {
      name: 'Square (fake)',
      type: 'square.accessToken',
      data: {
        accessToken: fake.accessToken,
        signatureKey: SIGNATURE_KEY,
        notificationUrl: hookUrl,
        environment: 'sandbox',
        baseUrl: fake.url,
      },
    });
    expect(credential.status).toBe(201);
    expect(JSON.stringify(credential.json)).not.toContain(SIGNATURE_KEY);
    const workflow = await sw.api('POST', '/api/v1/workflows', {
      name: 'Stock watch',
      nodes: [
        {
          id: 'trigger',
          name: 'Square',
          type: 'square.webhookTrigger',
          params: { eventTypes: ['inventory.count.updated', 'order.created'], path: 'square-shop' },
          credentials: { square: credential.json.id },
        },
        { id: 'set', name: 'Set', type: 'core.set', params: { fields: [{ name: 'seen', value: true }] } },
      ],
      connections: [{ from: { node: 'trigger' }, to: { node: 'set' } }],
    });
    expect(workflow.status).toBe(201);
    workflowId = workflow.json.id;
    expect((await sw.api('POST', `/api/v1/workflows/${workflowId}/activate`)).status).toBe(200);
  });
  afterAll(async () => sw?.stop());

  it('runs once per event_id; bad signatures, another URL and other types start nothing', async () => {
    const counts = await run('square.batchCreateInventoryChanges', {
      changes: [
        {
          catalogObjectId: 'VAR_SW_CAN_006',
          locationId: 'loc-main',
          quantity: 1,
          fromState: 'IN_STOCK',
          toState: 'SOLD',
        },
      ],
    });
    const data = { type: 'inventory_counts', id: 'VAR_SW_CAN_006', object: { inventory_counts: counts } };
    const signed = { signatureKey: SIGNATURE_KEY, notificationUrl: hookUrl };

    const first = await fake.deliverWebhook(hookUrl, 'inventory.count.updated', data, signed);
    expect(first.status).toBe(202);
    const again = await fake.deliverWebhook(hookUrl, 'inventory.count.updated', data, {
      ...signed,
      eventId: first.envelope.event_id,
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ duplicate: true });

    const wrongKey = await fake.deliverWebhook(hookUrl, 'inventory.count.updated', data, {
      ...signed,
      signatureKey: 'attacker',
    });
    expect(wrongKey.status).toBe(401);
    const wrongUrl = await fake.deliverWebhook(hookUrl, 'inventory.count.updated', data, {
      ...signed,
      notificationUrl: `${hookUrl}/`,
    });
    expect(wrongUrl.status).toBe(401);
    const unsigned = await fake.deliverWebhook(hookUrl, 'inventory.count.updated', data, {
      ...signed,
      signature: '',
    });
    expect(unsigned.status).toBe(401);
    const other = await fake.deliverWebhook(
      hookUrl,
      'customer.created',
      { id: 'CUST_1000', object: { customer: fake.state.customers[0]! } },
      signed,
    );
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ ignored: 'customer.created' });

    const executions = await finishedExecutions(sw, workflowId);
    expect(executions).toHaveLength(1);
    expect(executions[0]!.status).toBe('success');
    const detail = await sw.api('GET', `/api/v1/executions/${executions[0]!.id}`);
    const step = detail.json.steps.find((s: { nodeId: string }) => s.nodeId === 'trigger');
    expect(step.output.main[0].json).toMatchObject({
      event_id: first.envelope.event_id,
      type: 'inventory.count.updated',
      merchant_id: 'MLSHOPWIRE01',
      data: {
        type: 'inventory_counts',
        id: 'VAR_SW_CAN_006',
        object: { inventory_counts: [{ state: 'IN_STOCK' }, { state: 'SOLD' }] },
      },
    });
  });

  it('two concurrent deliveries of one event start one execution', async () => {
    const [order] = await run('square.createOrder', {
      locationId: 'loc-main',
      lineItems: [{ catalogObjectId: 'VAR_SW_CAN_001', quantity: 1 }],
    });
    const data = {
      type: 'order_created',
      id: order!.id as string,
      object: { order_created: { order_id: order!.id, state: 'OPEN', location_id: 'loc-main', version: 1 } },
    };
    const eventId = randomUUID();
    const opts = { signatureKey: SIGNATURE_KEY, notificationUrl: hookUrl, eventId };
    const results = await Promise.all([
      fake.deliverWebhook(hookUrl, 'order.created', data, opts),
      fake.deliverWebhook(hookUrl, 'order.created', data, opts),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 202]);
    expect(await finishedExecutions(sw, workflowId)).toHaveLength(2);
  });
});
