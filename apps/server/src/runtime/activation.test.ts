import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineNode, ValidationError, z, type NodeDefinition } from '@shopwire/sdk';
import type { ShopwireStore } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import { createHttpClient } from '@shopwire/http';
import { activateWorkflowInStore, deactivateWorkflowInStore, type ActivationDeps } from './activation.js';
import {
  orderTotalWorkflow,
  saveWorkflow,
  silentLogger,
  testEnv,
  testRegistry,
  withExtraNodes,
  type TestEnv,
} from './test-support.js';

const hookCalls: { event: string; webhookUrl?: string; token?: unknown }[] = [];
const subscribedNode: NodeDefinition = defineNode({
  type: 'test.subscribed',
  version: 1,
  displayName: 'Subscribed',
  description: 'test trigger with activation hooks',
  kind: 'trigger',
  group: 'Triggers',
  params: z.object({ path: z.string(), fail: z.boolean().default(false) }),
  credentials: [{ name: 'api', type: 'core.httpHeaderAuth' }],
  trigger: {
    type: 'webhook',
    webhook: (p) => ({ path: p.path, methods: ['POST'], responseMode: 'immediately' }),
    onActivate: async (ctx) => {
      if (ctx.params.fail) throw new Error('shop refused the subscription');
      const cred = await ctx.credential('api');
      hookCalls.push({ event: 'activate', webhookUrl: ctx.webhookUrl, token: cred['value'] });
    },
    onDeactivate: async (ctx) => {
      hookCalls.push({ event: 'deactivate', webhookUrl: ctx.webhookUrl });
    },
  },
  run: async (ctx) => ctx.items,
});

let env: TestEnv;
let store: ShopwireStore;
let registry: NodeRegistry;
let deps: ActivationDeps;

beforeAll(async () => {
  env = testEnv();
  store = await env.open();
  registry = withExtraNodes(await testRegistry(), [subscribedNode]);
  deps = {
    store,
    registry,
    http: createHttpClient({ allowPrivateNetworks: true }),
    logger: silentLogger,
    publicUrl: 'https://shop.example/',
  };
});

afterAll(async () => {
  await store.close();
  env.cleanup();
});

describe('activateWorkflowInStore', () => {
  it('registers normalized webhook paths and marks the workflow active', async () => {
    const wf = await saveWorkflow(
      store,
      orderTotalWorkflow({ path: 'Orders/:id', responseMode: 'lastNode' }),
    );
    await activateWorkflowInStore(deps, wf.id);
    expect((await store.workflows.get(wf.id))?.active).toBe(true);
    expect((await store.webhooks.all()).filter((r) => r.workflowId === wf.id)).toEqual([
      { workflowId: wf.id, nodeId: 'hook', method: 'POST', path: 'Orders/:id', projectId: 'default' },
    ]);
    const clash = await saveWorkflow(
      store,
      orderTotalWorkflow({ path: 'Orders/:id', responseMode: 'lastNode' }),
    );
    await expect(activateWorkflowInStore(deps, clash.id)).rejects.toBeInstanceOf(ValidationError);
    await deactivateWorkflowInStore(deps, wf.id);
    expect((await store.webhooks.all()).some((r) => r.workflowId === wf.id)).toBe(false);
    expect((await store.workflows.get(wf.id))?.active).toBe(false);
  });

  it('refuses workflows that cannot start on their own, and bad schedules, naming the field', async () => {
    const manual = await saveWorkflow(store, {
      name: 'manual only',
      nodes: [{ id: 'm', name: 'M', type: 'core.manualTrigger' }],
    });
    await expect(activateWorkflowInStore(deps, manual.id)).rejects.toMatchObject({ field: 'nodes' });
    const badTz = await saveWorkflow(store, {
      name: 'bad tz',
      nodes: [
        {
          id: 's',
          name: 'S',
          type: 'core.schedule',
          params: { mode: 'interval', intervalSeconds: 5, timezone: 'Mars/Base' },
        },
      ],
    });
    await expect(activateWorkflowInStore(deps, badTz.id)).rejects.toMatchObject({
      field: 'nodes.0.params.timezone',
    });
    const unknownType = await saveWorkflow(store, {
      name: 'unknown',
      nodes: [{ id: 'x', name: 'X', type: 'nope.node' }],
    });
    await expect(activateWorkflowInStore(deps, unknownType.id)).rejects.toMatchObject({
      field: 'nodes.0.type',
    });
    await expect(activateWorkflowInStore(deps, 'missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('runs onActivate/onDeactivate hooks with the webhook URL and credentials; a failing hook rolls back', async () => {
    const cred = await store.credentials.create({
      projectId: 'default',
      name: 'shop',
      type: 'core.httpHeaderAuth',
      data: { name: 'x-token', value: 's3cret' },
    });
    const wf = await saveWorkflow(store, {
      name: 'subscribed',
      nodes: [
        {
          id: 't',
          name: 'T',
          type: 'test.subscribed',
          params: { path: 'shop/orders' },
          credentials: { api: cred.id },
        },
      ],
    });
    await activateWorkflowInStore(deps, wf.id);
    await deactivateWorkflowInStore(deps, wf.id);
    expect(hookCalls).toEqual([
      { event: 'activate', webhookUrl: 'https://shop.example/webhook/shop/orders', token: 's3cret' },
      { event: 'deactivate', webhookUrl: 'https://shop.example/webhook/shop/orders' },
    ]);
    const failing = await saveWorkflow(store, {
      name: 'failing hook',
      nodes: [
        {
          id: 't',
          name: 'T',
          type: 'test.subscribed',
          params: { path: 'shop/failing', fail: true },
          credentials: { api: cred.id },
        },
      ],
    });
    await expect(activateWorkflowInStore(deps, failing.id)).rejects.toMatchObject({
      code: 'ACTIVATION_FAILED',
    });
    expect((await store.webhooks.all()).some((r) => r.workflowId === failing.id)).toBe(false);
    expect((await store.workflows.get(failing.id))?.active).toBe(false);
  });
});
