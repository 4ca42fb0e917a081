import { NodeError, ValidationError } from '@shopwire/sdk';
import type {
  Item,
  JsonValue,
  LogLevel,
  LogLine,
  Logger,
  NodeContext,
  NodeDefinition,
  WebhookResponse,
  WorkflowNode,
} from '@shopwire/sdk';
import type { EngineDeps, RunRequest } from './types.js';

export interface NodeContextOptions {
  deps: EngineDeps;
  request: RunRequest;
  node: WorkflowNode;
  definition: NodeDefinition;
  runIndex: number;
  inputs: Item[][];
  itemParams: unknown[];
  runState: { get(): JsonValue | undefined; set(value: JsonValue): void };
  /** made on the first call (see the executor) */
  signal(): AbortSignal;
  /** collects the step's log lines (ctx.logger and code-node logs) */
  logs: LogLine[];
  respond(response: WebhookResponse): void;
}

/** Node id under which workflow-wide state is kept (node ids are user-chosen but never empty). */
const WORKFLOW_STATE_NODE = '';

/**
 * Holds `ctx.signal` as a getter on its prototype. A getter written in an object literal gives each
 * object its own accessor, which V8 keeps where only a full GC frees it, together with everything
 * the getter's closure holds: a whole node run. The engine's three such getters made busy servers
 * promote ~40% of each execution's garbage (see docs/architecture.md, "Garbage that dies young").
 */
class NodeRunContext {
  readonly #signal: () => AbortSignal;

  constructor(signal: () => AbortSignal) {
    this.#signal = signal;
  }

  get signal(): AbortSignal {
    return this.#signal();
  }
}

/** Everything a node's run(ctx) sees. All I/O goes through the injected deps. */
export function createNodeContext(options: NodeContextOptions): NodeContext<unknown> {
  const { deps, request, node, logs } = options;
  const workflow = request.workflow;
  const logger = captureLogger(deps, logs, { executionId: request.executionId, nodeId: node.id });
  const fields: Omit<NodeContext<unknown>, 'signal'> = {
    node: { id: node.id, name: node.name, type: node.type, typeVersion: node.typeVersion },
    workflow: {
      id: workflow.id,
      name: workflow.name,
      projectId: request.projectId,
      timezone: workflow.settings.timezone,
    },
    execution: {
      id: request.executionId,
      mode: request.mode,
      ...(request.resumeUrl !== undefined ? { resumeUrl: request.resumeUrl } : {}),
    },
    runIndex: options.runIndex,
    params: options.itemParams[0],
    itemParams: options.itemParams,
    items: options.inputs[0] ?? [],
    inputs: options.inputs,
    runState: options.runState,
    state: {
      get: async <T extends JsonValue = JsonValue>(key: string) =>
        (await deps.state.get(workflow.id, node.id, key)) as T | undefined,
      set: (key, value) => deps.state.set(workflow.id, node.id, key, value),
    },
    // shared by every node of the workflow: stored under a node id no real node can have
    workflowState: {
      get: async <T extends JsonValue>(key: string) =>
        (await deps.state.get(workflow.id, WORKFLOW_STATE_NODE, key)) as T | undefined,
      set: (key, value) => deps.state.set(workflow.id, WORKFLOW_STATE_NODE, key, value),
    },
    credential: (slot) => resolveCredential(options, slot),
    // not { ...req, signal }: see finishedCopy in step-recorder.ts
    http: {
      request: (req) => deps.http.request(Object.assign({}, req, { signal: req.signal ?? options.signal() })),
    },
    logger,
    now: () => deps.clock.now(),
    sleep: (ms) => deps.clock.sleep(ms, options.signal()),
    idempotencyKey: (itemIndex = 0) => `${request.executionId}:${node.id}:${options.runIndex}:${itemIndex}`,
    sandbox: {
      evaluateExpressions: (req) => deps.sandbox.evaluateExpressions(req),
      runCode: async (req) => {
        const timeoutMs = req.timeoutMs ?? deps.limits?.codeTimeoutMs;
        // not { ...req, timeoutMs }: see finishedCopy in step-recorder.ts
        const result = await deps.sandbox.runCode(
          timeoutMs === undefined ? req : Object.assign({}, req, { timeoutMs }),
        );
        logs.push(...result.logs);
        return result;
      },
    },
    executeWorkflow: async (workflowId, items) => {
      if (!deps.executeSubworkflow) {
        throw new NodeError('this host cannot run sub-workflows', {
          code: 'SUBWORKFLOW_UNAVAILABLE',
          nodeId: node.id,
        });
      }
      return deps.executeSubworkflow({
        workflowId,
        items,
        parentExecutionId: request.executionId,
        projectId: request.projectId,
      });
    },
    respond: (response) => options.respond(response),
  };
  return Object.assign(new NodeRunContext(options.signal), fields);
}

async function resolveCredential(
  options: NodeContextOptions,
  slotName: string,
): Promise<Record<string, unknown>> {
  const { deps, node, definition, request } = options;
  const slot = definition.credentials?.find((s) => s.name === slotName);
  if (!slot)
    throw new ValidationError(
      `credentials.${slotName}`,
      `node type ${definition.type} has no credential slot "${slotName}"`,
    );
  const credentialId = node.credentials[slotName];
  if (!credentialId)
    throw new ValidationError(`credentials.${slotName}`, `no credential selected for "${node.name}"`);
  const types = Array.isArray(slot.type) ? slot.type : [slot.type];
  let lastError: unknown;
  // A slot accepting several types: the first type the stored credential matches wins.
  for (const type of types) {
    try {
      return await deps.credentials.resolve(credentialId, type, { projectId: request.projectId });
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function captureLogger(deps: EngineDeps, logs: LogLine[], base: Record<string, unknown>): Logger {
  const log = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    logs.push({ level, message, at: deps.clock.now().toISOString() });
    deps.logger[level](message, { ...base, ...fields });
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
