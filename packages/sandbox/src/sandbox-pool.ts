import {
  SandboxError,
  itemsJson,
  jsonObjectsJson,
  rememberJsonText,
  type CodeRunRequest,
  type CodeRunResult,
  type ExpressionBatchRequest,
  type ExpressionBatchResult,
  type Item,
  type Logger,
  type Sandbox,
} from '@shopwire/sdk';
import { ChildPool } from './pool.js';
import { checkCodeRequest, checkExpressionRequest } from './validate.js';

export interface SandboxPoolOptions {
  /** child processes, default 2 */
  size?: number;
  /** isolate heap limit per child, default 128 */
  memoryMb?: number;
  /** Code node CPU time limit, default 10 000 (a request's timeoutMs overrides it) */
  codeTimeoutMs?: number;
  /** limit for one expression batch, default 1 000 */
  expressionTimeoutMs?: number;
  /** a child whose resident memory exceeds this is killed and replaced, default 512 */
  maxRssMb?: number;
  /** largest result (JSON text) a request may return, default 64 */
  maxOutputMb?: number;
  /**
   * 0 (default): the children start at once and keep running. Above 0: they start with the first
   * request and stop after this many ms without one.
   */
  idleMs?: number;
  logger?: Logger;
}

export interface SandboxPool extends Sandbox {
  close(): Promise<void>;
  /** inFlight: jobs not answered yet; waiting: those of them no child holds yet */
  stats(): { children: number; restarts: number; inFlight: number; waiting: number; available: boolean };
  /** process ids of the current children (diagnostics and tests) */
  pids(): number[];
}

const LOG_LIMITS = { maxLogLines: 1000, maxLogBytes: 1_048_576, maxLogLineChars: 10_000 };

/** The host waits this much longer than the sandbox's own limit before it kills the child. */
function hostDeadline(timeoutMs: number): number {
  return timeoutMs + Math.max(1000, Math.round(timeoutMs / 2));
}

type Reply<T> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: ConstructorParameters<typeof SandboxError>[0]; message: string } };

/** `JSON.stringify({ items, ...rest })` with the items' text given (see @shopwire/sdk json-text) */
function withItems(itemsText: string, rest: Record<string, unknown>): string {
  const tail = JSON.stringify(rest);
  return tail === '{}' ? `{"items":${itemsText}}` : `{"items":${itemsText},${tail.slice(1)}`;
}

const ONE_ITEM_HEAD = '[{"json":';
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** A Code run's answer: the reply, a newline, the items' JSON (kept as their text: json-text.ts). */
function parseCodeReply(text: string): CodeRunResult {
  const split = text.indexOf('\n');
  if (split === -1) return parseReply<CodeRunResult>(text);
  const { logs } = parseReply<{ logs: CodeRunResult['logs'] }>(text.slice(0, split));
  const itemsText = text.slice(split + 1);
  const items = JSON.parse(itemsText) as Item[];
  rememberJsonText(items, itemsText);
  // one item with nothing but json (the common answer) was written as [{"json":...}]: its json's
  // text is known too, for a webhook that answers with it
  const [only] = items;
  const oneJsonItem =
    items.length === 1 && isObject(only) && Object.keys(only).length === 1 && isObject(only.json);
  if (oneJsonItem && itemsText.startsWith(ONE_ITEM_HEAD) && itemsText.endsWith('}]'))
    rememberJsonText(only.json, itemsText.slice(ONE_ITEM_HEAD.length, -2));
  return { items, logs };
}

function parseReply<T>(text: string): T {
  const reply = JSON.parse(text) as Reply<T>;
  if (!reply.ok) throw new SandboxError(reply.error.code, reply.error.message);
  return reply;
}

export function createSandboxPool(options: SandboxPoolOptions = {}): SandboxPool {
  const memoryMb = options.memoryMb ?? 128;
  const codeTimeoutMs = options.codeTimeoutMs ?? 10_000;
  const expressionTimeoutMs = options.expressionTimeoutMs ?? 1_000;
  const maxOutputChars = Math.floor((options.maxOutputMb ?? 64) * 1_048_576);
  const pool = new ChildPool({
    size: Math.max(1, Math.floor(options.size ?? 2)),
    memoryMb,
    maxRssMb: options.maxRssMb ?? 512,
    maxOutputChars,
    idleMs: Math.max(0, options.idleMs ?? 0),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });

  async function evaluateExpressions(request: ExpressionBatchRequest): Promise<ExpressionBatchResult> {
    const indexes = checkExpressionRequest(request);
    if (request.templates.length === 0) return { values: indexes.map(() => []) };
    const { context } = request;
    const payload = withItems(jsonObjectsJson(context.items), {
      templates: request.templates,
      nodes: context.nodes ?? {},
      vars: context.vars ?? {},
      execution: context.execution ?? {},
      workflow: context.workflow ?? {},
      now: context.now,
      timezone: context.timezone,
      indexes,
      maxOutputChars,
    });
    const timeoutMs = request.timeoutMs ?? expressionTimeoutMs;
    const text = await pool.submit({ kind: 'expressions', payload }, timeoutMs, hostDeadline(timeoutMs));
    return { values: parseReply<ExpressionBatchResult>(text).values };
  }

  async function runCode(request: CodeRunRequest): Promise<CodeRunResult> {
    checkCodeRequest(request);
    const { context } = request;
    const payload = withItems(itemsJson(request.items), {
      nodes: context.nodes ?? {},
      vars: context.vars ?? {},
      execution: context.execution ?? {},
      workflow: context.workflow ?? {},
      now: context.now,
      timezone: context.timezone,
      maxOutputChars,
      limits: LOG_LIMITS,
    });
    const timeoutMs = request.timeoutMs ?? codeTimeoutMs;
    const text = await pool.submit(
      { kind: 'code', code: request.code, payload },
      timeoutMs,
      hostDeadline(timeoutMs),
    );
    const result = parseCodeReply(text);
    // JSON round trip can turn a toJSON()-returning value into a non-object: recheck the shape.
    result.items.forEach((item: Item, i) => {
      if (typeof item.json !== 'object' || item.json === null || Array.isArray(item.json)) {
        throw new SandboxError(
          'SANDBOX_OUTPUT',
          `Code returned item ${i} whose json is not an object after conversion to JSON`,
        );
      }
    });
    return { items: result.items, logs: result.logs };
  }

  return {
    evaluateExpressions,
    runCode,
    close: () => pool.close(),
    stats: () => pool.stats(),
    pids: () => pool.pids(),
  };
}
