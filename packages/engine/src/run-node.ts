import { NodeError, isJsonObject, isWaitResult, toErrorData } from '@shopwire/sdk';
import type {
  ErrorData,
  ExpressionContext,
  Item,
  JsonValue,
  LogLine,
  NodeDefinition,
  NodeRunResult,
  OutputItems,
  RetryPolicy,
  WebhookResponse,
  WorkflowNode,
} from '@shopwire/sdk';
import type { DurableFailure } from './durability.js';
import { createNodeContext } from './node-context.js';
import { isRetryable } from './param-error.js';
import { resolveParams, type NodeReferences } from './resolve-params.js';
import type { EngineDeps, RunRequest } from './types.js';

export type NodeOutcome =
  /** `error` is set when the node failed and onError continue/output turned it into items */
  | {
      status: 'success';
      output: OutputItems;
      runState: JsonValue | undefined;
      logs: LogLine[];
      error?: ErrorData;
    }
  | { status: 'waiting'; until: string; items: Item[]; runState: JsonValue | undefined; logs: LogLine[] }
  /** NETWORK_DOWN: the node run starts again at `until` */
  | { status: 'parked'; until: string; error: ErrorData; runState: JsonValue | undefined; logs: LogLine[] }
  | { status: 'error'; error: ErrorData; runState: JsonValue | undefined; logs: LogLine[] };

/** Crash and network safety around one node run (see durability.ts). */
export interface RunDurability {
  beforeRun(itemParams: readonly unknown[]): Promise<void> | undefined;
  afterFailure(thrown: unknown, error: ErrorData): DurableFailure | undefined;
}

export interface RunNodeOptions {
  deps: EngineDeps;
  request: RunRequest;
  node: WorkflowNode;
  definition: NodeDefinition;
  runIndex: number;
  inputs: Item[][];
  /** called only when needed: the executor makes its AbortController on the first call */
  signal(): AbortSignal;
  runState: JsonValue | undefined;
  expressionNodes(references: NodeReferences): ExpressionContext['nodes'];
  respond(response: WebhookResponse): void;
  durability?: RunDurability;
}

/** One node run: params, the node's run(ctx), retries, then the node's onError policy. */
export async function runNode(options: RunNodeOptions): Promise<NodeOutcome> {
  const { deps, node } = options;
  const logs: LogLine[] = [];
  const maxTries = node.retry?.maxTries ?? 1;
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxTries; attempt += 1) {
    // A failed attempt's runState changes are dropped: each attempt starts from the same state.
    let runState = options.runState;
    const box = { get: () => runState, set: (value: JsonValue) => void (runState = value) };
    try {
      const result = await attemptRun(options, box, logs);
      if (isWaitResult(result)) {
        return { status: 'waiting', until: result.wait.until, items: result.items, runState, logs };
      }
      return { status: 'success', output: normalizeOutput(result, node.id), runState, logs };
    } catch (error) {
      lastError = error;
      if (options.signal().aborted || attempt >= maxTries || !isRetryable(error)) break;
      const waitMs = retryDelay(node.retry, attempt);
      logs.push({
        level: 'warn',
        message: `attempt ${attempt} failed, retrying in ${waitMs} ms: ${messageOf(error)}`,
        at: deps.clock.now().toISOString(),
      });
      try {
        await deps.clock.sleep(waitMs, options.signal());
      } catch {
        break;
      }
    }
  }
  let error: ErrorData = { ...toErrorData(lastError), nodeId: node.id, nodeName: node.name };
  if (options.signal().aborted) return { status: 'error', error, runState: options.runState, logs };
  const durable = options.durability?.afterFailure(lastError, error);
  if (durable?.status === 'error') return { ...durable, runState: options.runState, logs };
  if (durable?.status === 'parked') return { ...durable, runState: options.runState, logs };
  if (durable?.status === 'failed') error = durable.error;
  const items = options.inputs[0] ?? [];
  if (node.onError === 'continue') {
    const main = items.map((item) => ({
      ...item,
      json: { ...item.json, error: { message: error.message } },
    }));
    return { status: 'success', output: { main }, runState: options.runState, logs, error };
  }
  if (node.onError === 'output') {
    const routed = items.map((item) => ({
      ...item,
      json: { ...item.json, error: { message: error.message, code: error.code } },
    }));
    return { status: 'success', output: { error: routed }, runState: options.runState, logs, error };
  }
  return { status: 'error', error, runState: options.runState, logs };
}

/** Wait before retry number `attempt` (1-based count of failed attempts). */
export function retryDelay(policy: RetryPolicy | undefined, attempt: number): number {
  if (!policy) return 0;
  return policy.backoff === 'exponential' ? policy.waitMs * 2 ** (attempt - 1) : policy.waitMs;
}

async function attemptRun(
  options: RunNodeOptions,
  runState: { get(): JsonValue | undefined; set(value: JsonValue): void },
  logs: LogLine[],
): Promise<NodeRunResult> {
  const { deps, request, node, definition, inputs } = options;
  const items = inputs[0] ?? [];
  const itemParams = await resolveParams({
    definition,
    params: node.params,
    items,
    sandbox: deps.sandbox,
    context: {
      vars: request.vars ?? {},
      execution: {
        id: request.executionId,
        mode: request.mode,
        ...(request.resumeUrl !== undefined ? { resumeUrl: request.resumeUrl } : {}),
      },
      workflow: { id: request.workflow.id, name: request.workflow.name, active: request.active ?? false },
      now: deps.clock.now().toISOString(),
      timezone: request.workflow.settings.timezone,
    },
    nodes: options.expressionNodes,
    ...(deps.limits?.expressionTimeoutMs !== undefined ? { timeoutMs: deps.limits.expressionTimeoutMs } : {}),
  });
  // A trigger without run(): its output is the start items.
  if (!definition.run) return items;
  const durableStart = options.durability?.beforeRun(itemParams);
  if (durableStart) await durableStart;
  const ctx = createNodeContext({
    deps,
    request,
    node,
    definition,
    runIndex: options.runIndex,
    inputs,
    itemParams,
    runState,
    logs,
    respond: options.respond,
    signal: options.signal,
  });
  return definition.run(ctx);
}

function normalizeOutput(result: NodeRunResult, nodeId: string): OutputItems {
  const output: OutputItems = Array.isArray(result) ? { main: result } : (result as OutputItems);
  if (typeof output !== 'object' || output === null) {
    throw new NodeError('run() must return items, { output: items } or a wait', {
      code: 'INVALID_OUTPUT',
      nodeId,
    });
  }
  for (const [name, items] of Object.entries(output)) {
    if (!Array.isArray(items)) {
      throw new NodeError(`output "${name}" is not a list of items`, { code: 'INVALID_OUTPUT', nodeId });
    }
    items.forEach((item: unknown, i) => {
      if (!isJsonObject(item) || !isJsonObject(item['json'])) {
        throw new NodeError(`output "${name}" item ${i} has no json object`, {
          code: 'INVALID_OUTPUT',
          nodeId,
          itemIndex: i,
        });
      }
    });
  }
  return output;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
