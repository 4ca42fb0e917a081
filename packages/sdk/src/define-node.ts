import type { z } from 'zod';
import type { HttpClient, Logger, Sandbox } from './contracts.js';
import type { Item, JsonValue, OutputItems } from './items.js';

export type NodeKind = 'trigger' | 'transform' | 'action';
export type ExecutionMode =
  'manual' | 'webhook' | 'webhook-test' | 'schedule' | 'polling' | 'retry' | 'subworkflow' | 'error' | 'api';

/** Palette group shown in the editor. */
export type NodeGroup = 'Triggers' | 'Transform' | 'Flow' | 'Actions' | 'Retail' | 'Analytics' | 'Utility';

export interface WebhookResponse {
  status?: number;
  headers?: Record<string, string>;
  /** JSON value, or a string sent as-is */
  body?: JsonValue;
}

/** What the server gives a webhook trigger's `handle` to look at. The raw body is kept for signatures. */
export interface IncomingWebhook {
  method: string;
  /** full public URL as the caller used it (signature schemes like Square's include it) */
  url: string;
  path: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  rawBody: Uint8Array;
  /** parsed body: JSON for application/json, fields for form bodies, text for text/*, null otherwise */
  body: JsonValue;
}

export type WebhookHandling =
  | {
      items: Item[];
      /** dedupe key: a second delivery with the same key starts no execution */ dedupeKey?: string;
    }
  | { reject: WebhookResponse }
  /** acknowledged, nothing runs (e.g. WooCommerce's creation ping) */
  | { ignore: WebhookResponse };

export interface TriggerHookContext<P> {
  params: P;
  workflow: { id: string; name: string; projectId: string };
  node: { id: string; name: string };
  /** the public URL of this trigger's webhook, when it has one */
  webhookUrl?: string;
  credential(slot: string): Promise<Record<string, unknown>>;
  http: HttpClient;
  logger: Logger;
  state: NodeState;
}

export type TriggerSpec<P> =
  | { type: 'manual' }
  | {
      type: 'webhook';
      /** derive registration from the node's params */
      webhook(params: P): {
        path: string;
        methods: string[];
        responseMode: 'immediately' | 'lastNode' | 'responseNode';
        responseCode?: number;
      };
      /** verify and turn a request into items; default: one item {headers, params, query, body} */
      handle?(request: IncomingWebhook, ctx: TriggerHookContext<P>): Promise<WebhookHandling>;
      /** called on activation/deactivation (e.g. create/delete a Shopify webhook subscription) */
      onActivate?(ctx: TriggerHookContext<P>): Promise<void>;
      onDeactivate?(ctx: TriggerHookContext<P>): Promise<void>;
    }
  | { type: 'schedule'; schedule(params: P): { cron?: string; intervalMs?: number; timezone?: string } }
  | {
      type: 'polling';
      intervalMs(params: P): number;
      /** return the new items since the last poll; keep cursors in ctx.state */
      poll(ctx: TriggerHookContext<P>): Promise<Item[]>;
    }
  /** started by the Execute Sub-workflow node */
  | { type: 'subworkflow' }
  /** started when another workflow fails and names this one as its error workflow */
  | { type: 'error' };

export interface NodeState {
  get<T extends JsonValue = JsonValue>(key: string): Promise<T | undefined>;
  set(key: string, value: JsonValue): Promise<void>;
}

export interface NodeContext<P> {
  node: { id: string; name: string; type: string; typeVersion: number };
  workflow: { id: string; name: string; projectId: string; timezone: string };
  execution: { id: string; mode: ExecutionMode; resumeUrl?: string };
  /** how many times this node already ran in this execution (loops) */
  runIndex: number;
  /** params with expressions resolved against the first input item (or no item) */
  params: P;
  /** params resolved for every input item: itemParams[i] belongs to items[i]; at least one entry */
  itemParams: P[];
  /** items on input 0 */
  items: Item[];
  /** items on every input, by input index */
  inputs: Item[][];
  /** per-execution scratch state for this node, kept across its runs in one execution (loops) */
  runState: { get(): JsonValue | undefined; set(value: JsonValue): void };
  /** state kept across executions (polling cursors, dedupe sets) */
  state: NodeState;
  /**
   * state kept across executions and shared by every node of this workflow (e.g. the supplier-PO
   * ledger written by one node and cleared by another). Optional: undefined where the engine lacks it.
   */
  workflowState?: NodeState;
  credential(slot: string): Promise<Record<string, unknown>>;
  http: HttpClient;
  logger: Logger;
  signal: AbortSignal;
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** stable across retries and crash-resume of this node run: use as the external idempotency key */
  idempotencyKey(itemIndex?: number): string;
  sandbox: Pick<Sandbox, 'runCode' | 'evaluateExpressions'>;
  /** runs another workflow with these items and returns its last node's output */
  executeWorkflow(workflowId: string, items: Item[]): Promise<Item[]>;
  /** sets the HTTP response of a webhook execution in `responseNode` mode */
  respond(response: WebhookResponse): void;
}

/** A node run may pause the execution durably; the engine resumes it at `until` with `items`. */
export interface NodeWaitResult {
  wait: { until: string };
  items: Item[];
}

export type NodeRunResult = Item[] | OutputItems | NodeWaitResult;

export interface CredentialSlot {
  /** slot name used in the workflow document's node.credentials */
  name: string;
  /** credential type, e.g. `shopify.adminApi`; a list allows several */
  type: string | string[];
  required?: boolean;
}

export interface NodeDefinition<S extends z.ZodType = z.ZodType> {
  /** globally unique, `<package>.<name>`, e.g. `core.set`, `shopify.getOrder` */
  type: string;
  version: number;
  displayName: string;
  description: string;
  kind: NodeKind;
  group: NodeGroup;
  /** icon name or data: URL */
  icon?: string;
  params: S;
  /** param keys never evaluated as expressions (e.g. code) */
  rawParams?: string[];
  /** number of inputs (default: 0 for triggers, 1 otherwise), or derived from params */
  inputs?: number | ((params: z.output<S>) => number);
  /** output names (default ['main']), or derived from params (switch cases) */
  outputs?: string[] | ((params: z.output<S>) => string[]);
  /** a loop node may receive a back-edge on input 1; no other cycles are allowed */
  loop?: boolean;
  credentials?: CredentialSlot[];
  /**
   * Safe to run again with the same idempotency key (retries, crash resume, network outages), or
   * derived from the resolved params (e.g. by HTTP method). Default false: an action that may have
   * run before a crash is then flagged for review instead of being repeated.
   */
  idempotent?: boolean | ((params: z.output<S>) => boolean);
  trigger?: TriggerSpec<z.output<S>>;
  /** sample output for the editor and tests */
  sampleOutput?: Item[];
  run?(ctx: NodeContext<z.output<S>>): Promise<NodeRunResult>;
}

/** Declares a node. Params are typed from the zod schema. */
export function defineNode<S extends z.ZodType>(definition: NodeDefinition<S>): NodeDefinition<S> {
  if (definition.kind === 'trigger' && !definition.trigger) {
    throw new Error(`node ${definition.type}: a trigger must declare how it starts (trigger: {...})`);
  }
  if (definition.kind !== 'trigger' && !definition.run) {
    throw new Error(`node ${definition.type}: run(ctx) is required`);
  }
  return definition;
}

export function isWaitResult(result: NodeRunResult): result is NodeWaitResult {
  return !Array.isArray(result) && typeof result === 'object' && 'wait' in result && 'items' in result;
}

/** Resolved names of a node's outputs for the given params. */
export function nodeOutputs(definition: NodeDefinition, params: unknown): string[] {
  const outputs = definition.outputs;
  if (!outputs) return ['main'];
  return typeof outputs === 'function' ? outputs(params) : outputs;
}

/** Whether a run with these resolved params (one entry per item) may safely be repeated. */
export function isIdempotentRun(definition: NodeDefinition, itemParams: readonly unknown[]): boolean {
  const declared = definition.idempotent;
  if (typeof declared !== 'function') return declared === true;
  try {
    return itemParams.every((params) => declared(params) === true);
  } catch {
    return false;
  }
}

export function nodeInputCount(definition: NodeDefinition, params: unknown): number {
  const inputs = definition.inputs;
  if (inputs === undefined) return definition.kind === 'trigger' ? 0 : 1;
  return typeof inputs === 'function' ? inputs(params) : inputs;
}
