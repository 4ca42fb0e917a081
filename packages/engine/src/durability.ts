import { ShopwireError, isIdempotentRun } from '@shopwire/sdk';
import type { ErrorData, NodeDefinition, StepRecord, WorkflowNode } from '@shopwire/sdk';
import {
  DEFAULT_NETWORK_RETRY_BASE_MS,
  DEFAULT_NETWORK_RETRY_MAX_MS,
  DEFAULT_NETWORK_RETRY_TOTAL_MS,
  type EngineLimits,
} from './types.js';

/**
 * What the engine does about runs that may or may not have happened:
 * - a non-idempotent action is started only once its `running` marker is durable, and a marker
 *   found on resume (started, never finished) stops the execution with NEEDS_REVIEW instead of
 *   repeating the action;
 * - a NETWORK_DOWN failure parks the execution (`waiting`, exponential backoff) when repeating the
 *   call cannot duplicate anything, and asks for review when it can.
 */

/** How a failure (after the node's own retries) ends, when durability decides it. */
export type DurableFailure =
  /** final: the node's onError setting does not apply */
  | { status: 'error'; error: ErrorData }
  /** the execution waits until `until`, then this node run starts again */
  | { status: 'parked'; until: string; error: ErrorData }
  /** the node's onError setting applies, with this error */
  | { status: 'failed'; error: ErrorData };

export interface NodeRunDurabilityOptions {
  node: WorkflowNode;
  definition: NodeDefinition;
  /** this node run's step as recorded before a crash or a park, if any */
  prior: StepRecord | undefined;
  /** resolves once this run's `started` write is committed */
  committed(): Promise<void>;
  /** settings.networkRetry: false turns parking off */
  networkRetry: boolean | undefined;
  limits: EngineLimits | undefined;
  now(): Date;
  random?: () => number;
}

/** A parked network failure: waiting, with the NETWORK_DOWN error that parked it. */
export function isParkedStep(step: StepRecord): boolean {
  return step.status === 'waiting' && step.error?.code === 'NETWORK_DOWN';
}

/** The durability rules of one node run (see the module comment). */
export class NodeRunDurability {
  /** whether this run may be repeated; known once its params are resolved */
  private repeatable: boolean | undefined;

  constructor(private readonly options: NodeRunDurabilityOptions) {}

  /**
   * Called with the resolved params, right before the node's run(ctx). Returns a promise only when
   * the run must wait (for its durable start), so repeatable nodes pay no extra tick.
   */
  beforeRun(itemParams: readonly unknown[]): Promise<void> | undefined {
    const { definition, prior } = this.options;
    this.repeatable = definition.kind !== 'action' || isIdempotentRun(definition, itemParams);
    if (this.repeatable) return undefined;
    if (prior?.status === 'running') {
      throw new ShopwireError('NEEDS_REVIEW', this.reviewMessage('may have run before the process stopped'));
    }
    return this.options.committed().catch((error: unknown) => {
      throw new ShopwireError(
        'JOURNAL_WRITE_FAILED',
        error instanceof Error ? error.message : String(error),
        {
          cause: error,
        },
      );
    });
  }

  /** Decides a failure after the node's retries; undefined: the usual onError handling. */
  afterFailure(thrown: unknown, error: ErrorData): DurableFailure | undefined {
    if (error.code === 'NEEDS_REVIEW' || error.code === 'JOURNAL_WRITE_FAILED')
      return { status: 'error', error };
    if (error.code !== 'NETWORK_DOWN' || this.options.networkRetry === false) return undefined;
    const sent = requestSent(thrown);
    if (sent && this.repeatable !== true) {
      const reason = `may have reached the server before the network failed (${error.message})`;
      return {
        status: 'error',
        error: {
          ...error,
          code: 'NEEDS_REVIEW',
          message: this.reviewMessage(reason),
          sent,
          retryable: false,
        },
      };
    }
    return this.park({ ...error, sent });
  }

  private park(error: ErrorData): DurableFailure {
    const { limits, prior } = this.options;
    const base = limits?.networkRetryBaseMs ?? DEFAULT_NETWORK_RETRY_BASE_MS;
    const max = limits?.networkRetryMaxMs ?? DEFAULT_NETWORK_RETRY_MAX_MS;
    const total = limits?.networkRetryTotalMs ?? DEFAULT_NETWORK_RETRY_TOTAL_MS;
    const now = this.options.now();
    const previous = prior && isParkedStep(prior) ? prior.error?.networkRetry : undefined;
    const networkRetry = {
      attempts: (previous?.attempts ?? 0) + 1,
      since: previous?.since ?? now.toISOString(),
    };
    const deadline = Date.parse(networkRetry.since) + total;
    if (now.getTime() >= deadline) {
      const message = `${error.message} (gave up after ${networkRetry.attempts} tries over ${describeMs(total)})`;
      return { status: 'failed', error: { ...error, message, networkRetry } };
    }
    // exponential, with jitter that keeps every step longer than the one before until the cap
    const exp = Math.min(max, base * 2 ** (networkRetry.attempts - 1));
    const delay = Math.round(exp * (0.8 + 0.2 * (this.options.random ?? Math.random)()));
    const until = new Date(Math.min(now.getTime() + delay, deadline)).toISOString();
    return { status: 'parked', until, error: { ...error, networkRetry } };
  }

  private reviewMessage(reason: string): string {
    return `"${this.options.node.name}" ${reason}; it is not idempotent, so it was not repeated. Check the external system, then retry the execution to run it again.`;
  }
}

/**
 * Whether a NETWORK_DOWN failure may have delivered its request. Nodes often re-wrap errors (to add
 * the item index) and keep the original as `cause`, so the flag is looked up along the chain;
 * unknown counts as sent.
 */
export function requestSent(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const sent = (current as { sent?: unknown }).sent;
    if ((current as { code?: unknown }).code === 'NETWORK_DOWN' && typeof sent === 'boolean') return sent;
    current = (current as { cause?: unknown }).cause;
  }
  return true;
}

function describeMs(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}
