/**
 * Shared setup for the runtime tests: a real SQLite store in a temp dir, the real registry
 * loading /work/main/nodes/*, the real sandbox and engine. Not used by production code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defineNode,
  parseWorkflow,
  z,
  type Logger,
  type NodeDefinition,
  type Sandbox,
  type WorkflowInput,
} from '@shopwire/sdk';
import { loadOrCreateKeyring, openStore, type ShopwireStore, type WorkflowRecord } from '@shopwire/db';
import { discoverPackageDirs, loadNodeRegistry, type NodeRegistry } from '@shopwire/registry';
import { createSandboxPool } from '@shopwire/sandbox';
import { createHttpClient } from '@shopwire/http';
import { createRuntime } from './create-runtime.js';
import type { Runtime, RuntimeOptions } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../../../..');

export const silentLogger: Logger & { lines: { level: string; message: string; fields?: unknown }[] } = {
  lines: [],
  debug() {},
  info(message, fields) {
    silentLogger.lines.push({ level: 'info', message, fields });
  },
  warn(message, fields) {
    silentLogger.lines.push({ level: 'warn', message, fields });
  },
  error(message, fields) {
    silentLogger.lines.push({ level: 'error', message, fields });
  },
};

let registry: Promise<NodeRegistry> | undefined;
export function testRegistry(): Promise<NodeRegistry> {
  registry ??= (async () => {
    const packageDirs = await discoverPackageDirs(path.join(REPO_ROOT, 'nodes'));
    return loadNodeRegistry({ packageDirs, useSourceCondition: true });
  })();
  return registry;
}

let sandbox: (Sandbox & { close?(): Promise<void> }) | undefined;
export function testSandbox(): Sandbox {
  sandbox ??= createSandboxPool() as Sandbox & { close?(): Promise<void> };
  return sandbox;
}
export async function closeSandbox(): Promise<void> {
  await sandbox?.close?.();
  sandbox = undefined;
}

export interface TestEnv {
  dir: string;
  file: string;
  open(): Promise<ShopwireStore>;
  cleanup(): void;
}

export function testEnv(): TestEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  const file = path.join(dir, 'shopwire.db');
  const keyring = loadOrCreateKeyring({ dataDir: dir });
  return {
    dir,
    file,
    open: () => openStore({ dialect: 'sqlite', file, keyring }),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestRuntime {
  runtime: Runtime;
  store: ShopwireStore;
  options: RuntimeOptions;
  /** stop the runtime and close its store */
  close(timeoutMs?: number): Promise<void>;
}

export async function startTestRuntime(
  env: TestEnv,
  overrides: Partial<RuntimeOptions> = {},
): Promise<TestRuntime> {
  const store = await env.open();
  const options: RuntimeOptions = {
    store,
    registry: await testRegistry(),
    sandbox: testSandbox(),
    http: createHttpClient({ allowPrivateNetworks: true }),
    logger: silentLogger,
    publicUrl: 'http://127.0.0.1:5800',
    concurrency: 4,
    instanceId: `test-${Math.random().toString(36).slice(2, 8)}`,
    maxExecutionDataBytes: 4 * 1024 * 1024,
    webhookResponseTimeoutMs: 5000,
    testWebhookTimeoutMs: 5000,
    pruning: { enabled: false, maxAgeMs: 86_400_000, maxCount: 1000, intervalMs: 60_000 },
    ...overrides,
  };
  const runtime = createRuntime(options);
  await runtime.start();
  return {
    runtime,
    store,
    options,
    async close(timeoutMs = 2000) {
      await runtime.stop(timeoutMs);
      await store.close();
    },
  };
}

export async function saveWorkflow(store: ShopwireStore, doc: WorkflowInput): Promise<WorkflowRecord> {
  return store.workflows.create({ projectId: 'default', document: parseWorkflow(doc) });
}

/** Polls until `check` returns a truthy value (or fails after timeoutMs). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 5000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** webhook → Set (expression) → Respond: the S1 benchmark shape. */
export function orderTotalWorkflow(options: {
  path: string;
  responseMode: 'immediately' | 'lastNode' | 'responseNode';
}): WorkflowInput {
  const nodes: WorkflowInput['nodes'] = [
    {
      id: 'hook',
      name: 'Webhook',
      type: 'core.webhook',
      params: { path: options.path, method: 'POST', responseMode: options.responseMode },
    },
    {
      id: 'set',
      name: 'Total',
      type: 'core.set',
      params: {
        fields: [
          { name: 'total', value: '{{ $json.body.items.reduce((s,i)=>s+i.qty*i.price,0) }}', type: 'number' },
        ],
        includeOtherFields: false,
      },
    },
  ];
  const connections: WorkflowInput['connections'] = [
    { from: { node: 'hook', output: 'main' }, to: { node: 'set', input: 0 } },
  ];
  if (options.responseMode === 'responseNode') {
    nodes.push({
      id: 'respond',
      name: 'Respond',
      type: 'core.respondToWebhook',
      params: { respondWith: 'firstItem', statusCode: 201 },
    });
    connections.push({ from: { node: 'set', output: 'main' }, to: { node: 'respond', input: 0 } });
  }
  return { name: `S1 ${options.path}`, nodes, connections };
}

/** The real registry plus extra node definitions (e.g. a trigger with a signature-checking handle()). */
export function withExtraNodes(base: NodeRegistry, extra: NodeDefinition[]): NodeRegistry {
  const byType = new Map(extra.map((n) => [n.type, n]));
  return {
    ...base,
    getNode: (type, version) => byType.get(type) ?? base.getNode(type, version),
    listNodes: () => [...base.listNodes(), ...extra],
    describeNode: (type, version) => base.describeNode(type, version),
    describeAll: () => base.describeAll(),
    getCredentialType: (type) => base.getCredentialType(type),
    listCredentialTypes: () => base.listCredentialTypes(),
    packages: () => base.packages(),
    failures: () => base.failures(),
  };
}

/** A webhook trigger that checks a header "signature", ignores pings and dedupes by delivery id. */
export const signedWebhookNode: NodeDefinition = defineNode({
  type: 'test.signedWebhook',
  version: 1,
  displayName: 'Signed webhook',
  description: 'test trigger',
  kind: 'trigger',
  group: 'Triggers',
  params: z.object({
    path: z.string(),
    responseMode: z.enum(['immediately', 'lastNode', 'responseNode']).default('lastNode'),
  }),
  trigger: {
    type: 'webhook',
    webhook: (p) => ({ path: p.path, methods: ['POST'], responseMode: p.responseMode }),
    handle: async (request) => {
      if (request.headers['x-signature'] !== 'valid')
        return { reject: { status: 401, body: { error: 'bad signature' } } };
      if (request.headers['x-ping']) return { ignore: { status: 200, body: 'pong' } };
      const delivery = request.headers['x-delivery-id'];
      return {
        items: [{ json: { body: request.body, raw: new TextDecoder().decode(request.rawBody) } }],
        ...(delivery ? { dedupeKey: delivery } : {}),
      };
    },
  },
  run: async (ctx) => ctx.items,
});

/** Counts runs per node id, so tests can prove a node was (not) re-run. */
export const runCounts = new Map<string, number>();

export const countNode: NodeDefinition = defineNode({
  type: 'test.count',
  version: 1,
  displayName: 'Count',
  description: 'test node: counts its runs',
  kind: 'transform',
  group: 'Utility',
  params: z.object({}),
  run: async (ctx) => {
    runCounts.set(ctx.node.id, (runCounts.get(ctx.node.id) ?? 0) + 1);
    return ctx.items.map((item) => ({ json: { ...item.json, [`ran_${ctx.node.id}`]: true } }));
  },
});

/** Fails while the test's `failing` flag is set. */
export const flaky = { failing: true };
export const flakyNode: NodeDefinition = defineNode({
  type: 'test.flaky',
  version: 1,
  displayName: 'Flaky',
  description: 'test node: fails while flaky.failing is true',
  kind: 'transform',
  group: 'Utility',
  params: z.object({}),
  run: async (ctx) => {
    runCounts.set(ctx.node.id, (runCounts.get(ctx.node.id) ?? 0) + 1);
    if (flaky.failing) throw new Error('flaky node failed');
    return ctx.items;
  },
});

/** Sleeps (abortable) for `ms`. */
export const sleepNode: NodeDefinition = defineNode({
  type: 'test.sleep',
  version: 1,
  displayName: 'Sleep',
  description: 'test node: sleeps',
  kind: 'transform',
  group: 'Utility',
  params: z.object({ ms: z.number() }),
  run: async (ctx) => {
    await ctx.sleep(ctx.params.ms);
    return ctx.items;
  },
});

export async function testRegistryWithTestNodes(): Promise<NodeRegistry> {
  return withExtraNodes(await testRegistry(), [signedWebhookNode, countNode, flakyNode, sleepNode]);
}

export function chain(ids: string[]): WorkflowInput['connections'] {
  return ids
    .slice(1)
    .map((to, i) => ({ from: { node: ids[i] as string, output: 'main' }, to: { node: to, input: 0 } }));
}
