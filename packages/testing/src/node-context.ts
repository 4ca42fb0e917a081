import { createHttpClient } from '@shopwire/http';
import { validationErrorFromIssues } from '@shopwire/sdk';
import type {
  HttpClient,
  Item,
  JsonValue,
  LogLevel,
  NodeContext,
  NodeDefinition,
  NodeRunResult,
  Sandbox,
  WebhookResponse,
  z,
} from '@shopwire/sdk';

/** Survives between runs of the same node in one "execution" (loop tests). */
export interface RunStateHolder {
  value: JsonValue | undefined;
}

export interface TestContextOptions<S extends z.ZodType> {
  node: NodeDefinition<S>;
  /** raw params (as after expression resolution) used for every item */
  params?: Record<string, unknown>;
  /** raw params per item, overriding `params` */
  itemParams?: Record<string, unknown>[];
  items?: Item[];
  /** items per input; input 0 defaults to `items` */
  inputs?: Item[][];
  runState?: RunStateHolder;
  runIndex?: number;
  http?: HttpClient;
  sandbox?: Pick<Sandbox, 'runCode' | 'evaluateExpressions'>;
  credentials?: Record<string, Record<string, unknown>>;
  executeWorkflow?: (workflowId: string, items: Item[]) => Promise<Item[]>;
  now?: Date;
  timezone?: string;
}

export interface TestContext<P> {
  ctx: NodeContext<P>;
  responses: WebhookResponse[];
  logs: { level: LogLevel; message: string }[];
}

function parseParams<S extends z.ZodType>(
  node: NodeDefinition<S>,
  raw: Record<string, unknown>,
): z.output<S> {
  const parsed = node.params.safeParse(raw);
  if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, 'params');
  return parsed.data as z.output<S>;
}

/**
 * Items a node is given are shared: with other branches, and with the execution's stored data
 * (which points at an earlier node's output instead of copying it). So they are frozen here, and a
 * node that writes into them fails its own tests with a TypeError instead of corrupting data in
 * production. (The engine does not freeze: walking every item of every run would cost too much.)
 */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object' || Object.isFrozen(current)) continue;
    Object.freeze(current);
    for (const child of Object.values(current)) stack.push(child);
  }
  return value;
}

/** A NodeContext like the engine builds one, with real HTTP and params parsed by the node's schema. */
export function createTestContext<S extends z.ZodType>(
  options: TestContextOptions<S>,
): TestContext<z.output<S>> {
  const inputs = deepFreeze(options.inputs ?? [options.items ?? []]);
  const items = inputs[0] ?? [];
  const rawPerItem =
    options.itemParams ?? (items.length ? items.map(() => options.params ?? {}) : [options.params ?? {}]);
  const itemParams = rawPerItem.map((raw) => parseParams(options.node, raw));
  const runState = options.runState ?? { value: undefined };
  const responses: WebhookResponse[] = [];
  const logs: { level: LogLevel; message: string }[] = [];
  const log = (level: LogLevel) => (message: string) => void logs.push({ level, message });
  const state = new Map<string, JsonValue>();
  const now = options.now ?? new Date();
  const ctx: NodeContext<z.output<S>> = {
    node: {
      id: 'node-1',
      name: options.node.displayName,
      type: options.node.type,
      typeVersion: options.node.version,
    },
    workflow: { id: 'wf-1', name: 'Test workflow', projectId: 'p-1', timezone: options.timezone ?? 'UTC' },
    execution: { id: 'exec-1', mode: 'manual' },
    runIndex: options.runIndex ?? 0,
    params: itemParams[0]!,
    itemParams,
    items,
    inputs,
    runState: { get: () => runState.value, set: (value) => void (runState.value = value) },
    state: {
      get: async <T extends JsonValue>(key: string) => state.get(key) as T | undefined,
      set: async (key, value) => void state.set(key, value),
    },
    credential: async (slot) => {
      const data = options.credentials?.[slot];
      if (!data) throw new Error(`no credential in slot ${slot}`);
      return data;
    },
    http: options.http ?? createHttpClient({ allowPrivateNetworks: true, baseDelayMs: 5 }),
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    signal: new AbortController().signal,
    now: () => now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    idempotencyKey: (itemIndex) => `exec-1:node-1:0:${itemIndex ?? 0}`,
    sandbox: options.sandbox ?? {
      runCode: () => Promise.reject(new Error('no sandbox in this test')),
      evaluateExpressions: () => Promise.reject(new Error('no sandbox in this test')),
    },
    executeWorkflow:
      options.executeWorkflow ?? (() => Promise.reject(new Error('no sub-workflows in this test'))),
    respond: (response) => void responses.push(response),
  };
  return { ctx, responses, logs };
}

/** Runs a node once and returns its result. */
export async function runNode<S extends z.ZodType>(options: TestContextOptions<S>): Promise<NodeRunResult> {
  const { ctx } = createTestContext(options);
  if (!options.node.run) throw new Error(`${options.node.type} has no run()`);
  return options.node.run(ctx);
}

/** Items from json objects. */
export function items(...values: Record<string, unknown>[]): Item[] {
  return values.map((json) => ({ json: json as Item['json'] }));
}

/** The json of every item on an output of a run result (`main` for a plain array). */
export function outputJson(result: NodeRunResult, output = 'main'): unknown[] {
  if (Array.isArray(result)) return output === 'main' ? result.map((item) => item.json) : [];
  if ('wait' in result && 'items' in result && Array.isArray(result.items))
    return (result.items as Item[]).map((item) => item.json);
  return ((result as Record<string, Item[]>)[output] ?? []).map((item) => item.json);
}
