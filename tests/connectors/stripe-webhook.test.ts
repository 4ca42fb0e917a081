import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import stripePackage from '@shopwire/nodes-stripe';
import type { NodeDefinition } from '@shopwire/sdk';
import { startStripeFake, type StripeFake } from '../fakes/stripe/index.js';
import { runWithKey } from './support/run-with-key.js';
import { finishedExecutions, startSignedInServer, type SignedInServer } from './support/signed-in-server.js';

// the stripe webhook trigger through the real server's webhook route (node-level tests: stripe.test.ts)
const WEBHOOK_SECRET = 'whsec_shopwireTestSecret';
const node = (type: string): NodeDefinition => {
  const found = stripePackage.nodes.find((n) => n.type === type);
  if (!found) throw new Error(`no node ${type}`);
  return found;
};

let fake: StripeFake;
beforeAll(async () => {
  fake = await startStripeFake({ rateLimitPerSecond: false });
});
afterAll(async () => fake.close());

/** Runs a node against the fake like the engine does (fresh idempotency key). */
const run = (type: string, params: Record<string, unknown>) =>
  runWithKey({
    node: node(type),
    params,
    credentials: { stripe: { secretKey: fake.apiKey, baseUrl: fake.url } },
    key: randomUUID(),
  });

describe('stripe.webhookTrigger through the server webhook route', () => {
  let sw: SignedInServer;
  let workflowId: string;
  let hookUrl: string;
  beforeAll(async () => {
    sw = await startSignedInServer();
    const credential = await sw.api('POST', '/api/v1/credentials', {
      name: 'Stripe (fake)',
      type: 'stripe.apiKey',
      data: { secretKey: fake.apiKey, webhookSecret: WEBHOOK_SECRET, baseUrl: fake.url },
    });
    expect(credential.status).toBe(201);
    expect(JSON.stringify(credential.json)).not.toContain(WEBHOOK_SECRET);
    const workflow = await sw.api('POST', '/api/v1/workflows', {
      name: 'Paid checkouts',
      nodes: [
        {
          id: 'trigger',
          name: 'Stripe',
          type: 'stripe.webhookTrigger',
          params: { events: ['checkout.session.completed', 'charge.refunded'], path: 'stripe-shop' },
          credentials: { stripe: credential.json.id },
        },
        { id: 'set', name: 'Set', type: 'core.set', params: { fields: [{ name: 'seen', value: true }] } },
      ],
      connections: [{ from: { node: 'trigger' }, to: { node: 'set' } }],
    });
    expect(workflow.status).toBe(201);
    workflowId = workflow.json.id;
    expect((await sw.api('POST', `/api/v1/workflows/${workflowId}/activate`)).status).toBe(200);
    hookUrl = `http://127.0.0.1:${sw.server.port}/webhook/stripe-shop`;
  });
  afterAll(async () => sw?.stop());

  it('runs once per event; duplicates, bad or stale signatures and other event types start nothing', async () => {
    const [session] = await run('stripe.createCheckoutSession', {
      successUrl: 'https://shop.example.test/thanks',
      lineItems: [{ price: 'price_demo002', quantity: 1 }],
    });
    const paid = fake.completeCheckoutSession(session!.id as string);
    const event = { type: 'checkout.session.completed', data: { object: paid } };

    const first = await fake.deliverWebhook(hookUrl, event, { secret: WEBHOOK_SECRET });
    expect(first.status).toBe(202);
    const duplicate = await fake.deliverWebhook(hookUrl, first.event, { secret: WEBHOOK_SECRET });
    expect(duplicate.status).toBe(200);
    expect(duplicate.body).toEqual({ duplicate: true });

    const badSecret = await fake.deliverWebhook(hookUrl, event, { secret: 'whsec_attacker' });
    expect(badSecret.status).toBe(401);
    const stale = await fake.deliverWebhook(hookUrl, event, {
      secret: WEBHOOK_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(stale.status).toBe(401);
    expect(stale.body).toMatchObject({ error: expect.stringContaining('tolerance') });
    const unsigned = await fake.deliverWebhook(hookUrl, event, {
      secret: WEBHOOK_SECRET,
      signatureHeader: '',
    });
    expect(unsigned.status).toBe(401);
    const other = await fake.deliverWebhook(
      hookUrl,
      { type: 'customer.created', data: { object: fake.state.customers[0]! } },
      { secret: WEBHOOK_SECRET },
    );
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ ignored: 'customer.created' });

    const executions = await finishedExecutions(sw, workflowId);
    expect(executions).toHaveLength(1);
    expect(executions[0]!.status).toBe('success');
    const detail = await sw.api('GET', `/api/v1/executions/${executions[0]!.id}`);
    const triggerStep = detail.json.steps.find((s: { nodeId: string }) => s.nodeId === 'trigger');
    expect(triggerStep.output.main[0].json).toMatchObject({
      id: first.event.id,
      type: 'checkout.session.completed',
      data: { object: { id: session!.id, payment_status: 'paid' } },
    });
  });

  it('accepts a delivery signed during secret rotation (any matching v1)', async () => {
    const refunded = await run('stripe.createRefund', { charge: 'ch_demo5030' });
    const event = {
      type: 'charge.refunded',
      data: { object: fake.state.charges.find((c) => c.id === refunded[0]!.charge)! },
    };
    const res = await fake.deliverWebhook(hookUrl, event, {
      secret: WEBHOOK_SECRET,
      extraSignatures: ['0'.repeat(64)],
    });
    expect(res.status).toBe(202);
    expect(await finishedExecutions(sw, workflowId)).toHaveLength(2);
  });
});
