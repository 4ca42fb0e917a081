import type { ErrorData } from './errors.js';
import type { Item, JsonObject, JsonValue } from './items.js';

/**
 * Small interfaces the engine and node packages depend on. Real implementations live in
 * `@shopwire/sandbox`, `@shopwire/db` and the server; engine tests may use in-memory ones.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface Clock {
  now(): Date;
  /** resolves after ms, or rejects with the signal's reason when aborted */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Optional: calls `onExpire` once after about `ms` (long timers may fire late by a fraction of a
   * second); cheaper than sleep() + AbortController for the per-execution timeout. Hosts with many
   * concurrent timers implement it with one shared timer.
   */
  deadline?(ms: number, onExpire: () => void): { cancel(): void };
}

// ---------------------------------------------------------------- HTTP
export interface HttpRequest {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body (sets content-type when not given) */
  json?: unknown;
  /** application/x-www-form-urlencoded body (nested objects as a[b][0]=…, Stripe style) */
  form?: Record<string, unknown>;
  /** raw body */
  body?: string | Uint8Array;
  timeoutMs?: number;
  /** retries on network errors, 429 and 5xx, honouring Retry-After; default 3 */
  maxRetries?: number;
  /** don't throw on non-2xx; return the response */
  ignoreHttpStatusErrors?: boolean;
  /** response parsing: auto (by content-type), json, text, binary */
  responseType?: 'auto' | 'json' | 'text' | 'binary';
  signal?: AbortSignal;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
  /** how many attempts were made (1 = no retry) */
  attempts: number;
}

export interface HttpClient {
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
}

// ---------------------------------------------------------------- Sandbox
/** Data an expression can see. Everything here is plain JSON. */
export interface ExpressionContext {
  /** input items of the node being evaluated ($input.all(), $json = items[$index].json) */
  items: JsonObject[];
  /** outputs of other nodes referenced by name: `$('Name')` / `$node['Name']` */
  nodes: Record<string, { items: JsonObject[] }>;
  vars: Record<string, string>;
  execution: { id: string; mode: string; resumeUrl?: string };
  workflow: { id: string; name: string; active: boolean };
  /** ISO timestamp used for $now / $today, so all items see the same time */
  now: string;
  timezone: string;
}

export interface ExpressionBatchRequest {
  /** distinct templates, e.g. "Total: {{ $json.qty * $json.price }}" or "={{ ... }}" */
  templates: string[];
  context: ExpressionContext;
  /** evaluate every template for these item indexes (default: every item, or once if no items) */
  itemIndexes?: number[];
  timeoutMs?: number;
}

/** values[i][t]: template t evaluated for the i-th requested item; errors are per cell. */
export interface ExpressionBatchResult {
  values: ({ ok: true; value: JsonValue } | { ok: false; error: ErrorData })[][];
}

export interface CodeRunRequest {
  code: string;
  /** input items; code sees `items` (array of {json}) and `$input.all()` */
  items: Item[];
  context: Omit<ExpressionContext, 'items'>;
  timeoutMs?: number;
  memoryMb?: number;
}

export interface CodeRunResult {
  items: Item[];
  logs: { level: LogLevel; message: string; at: string }[];
}

export interface Sandbox {
  evaluateExpressions(request: ExpressionBatchRequest): Promise<ExpressionBatchResult>;
  runCode(request: CodeRunRequest): Promise<CodeRunResult>;
}

// ---------------------------------------------------------------- Persistent node state
/** Per workflow + node key/value state that survives executions (polling triggers' dedupe). */
export interface NodeStateStore {
  get(workflowId: string, nodeId: string, key: string): Promise<JsonValue | undefined>;
  set(workflowId: string, nodeId: string, key: string, value: JsonValue): Promise<void>;
}

// ---------------------------------------------------------------- Credentials
export interface CredentialResolver {
  /** decrypted credential data; throws ValidationError if the id is unknown or of the wrong type */
  resolve(
    credentialId: string,
    expectedType: string,
    scope: { projectId: string },
  ): Promise<Record<string, unknown>>;
}
