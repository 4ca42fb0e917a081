import type {
  ErrorData,
  ExecutionStatus,
  IncomingWebhook,
  Item,
  Logger,
  Sandbox,
  StepRecord,
  WebhookResponse,
  Workflow,
} from '@shopwire/sdk';
import type { ExecutionRecord, NewExecution, Store } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import type { HttpClient } from '@shopwire/sdk';

/**
 * The seams between the HTTP layer and execution. In one process they are implemented in memory
 * over the database; queue mode (BullMQ + Redis pub/sub) implements the same interfaces.
 */

/** Durable work queue of execution ids. The execution row itself is the durable record. */
export interface ExecutionQueue {
  /** `group` (the project id) is what `groupConcurrency` limits */
  enqueue(executionId: string, options?: { group?: string }): Promise<void>;
  /** start taking work; at most `concurrency` handlers run at once, `groupConcurrency` per group */
  consume(
    handler: (executionId: string) => Promise<JobOutcome>,
    options: { concurrency: number; groupConcurrency?: number },
  ): void;
  /** true when an id of this group would start at once (in-process pools; lets the creator pre-claim) */
  hasIdleWorker?(group?: string): boolean;
  /** stop taking new work and wait for running handlers (up to timeoutMs) */
  drain(timeoutMs: number): Promise<void>;
  /** release connections (queue mode); after drain */
  close?(): Promise<void>;
}

/** 'handback': given back (row set to queued): back in the queue now. 'later': offer it again in ~1 s */
export type JobOutcome = void | 'handback' | 'later';

/** Cross-process commands (queue mode: Redis pub/sub). */
export interface ExecutionControl {
  /** ask whichever process runs it to abort it */
  requestCancel(executionId: string): Promise<void>;
  onCancel(listener: (executionId: string) => void): void;
}

/** Which runtime instances are alive (queue mode: heartbeat keys with a TTL). */
export interface InstancePresence {
  /** begins heart-beating this instance */
  start(): Promise<void>;
  /** instance ids with a fresh heartbeat */
  live(): Promise<string[]>;
  /** deletes this instance's key */
  stop(): Promise<void>;
}

/**
 * all: one process does everything (SQLite default). main: API, webhooks, schedules, waits; it
 * enqueues executions but runs none. worker: runs queued executions only.
 */
export type RuntimeRole = 'all' | 'main' | 'worker';

export type ExecutionEvent =
  | { type: 'started'; executionId: string; workflowId: string }
  | { type: 'step'; executionId: string; workflowId: string; step: StepRecord }
  /** a Respond to Webhook node set the HTTP response (published before the execution finishes) */
  | { type: 'response'; executionId: string; workflowId: string; response: WebhookResponse }
  | { type: 'finished'; executionId: string; workflowId: string; outcome: ExecutionOutcome };

/** Fan-out of execution progress (editor live view, webhooks waiting for a result). */
export interface ExecutionEvents {
  publish(event: ExecutionEvent): void;
  /**
   * executionId or workflowId, or '*' for everything; returns unsubscribe. `step` events, the
   * bulk of the traffic, go only to listeners that ask for them (`steps: true`: live views).
   */
  subscribe(key: string, listener: (event: ExecutionEvent) => void, options?: SubscribeOptions): () => void;
}

export interface SubscribeOptions {
  /** also receive `step` events (default: started, response and finished only) */
  steps?: boolean;
}

export interface ExecutionOutcome {
  status: ExecutionStatus;
  error?: ErrorData;
  /** main output of the last node that ran */
  lastNodeItems?: Item[];
  /** set by a Respond to Webhook node */
  response?: WebhookResponse;
  waitUntil?: string;
}

/** What the webhook route hands to the runtime after strict body parsing. */
export interface WebhookCall extends IncomingWebhook {
  /** /webhook-test/... (editor listening) rather than /webhook/... */
  test: boolean;
}

export interface WebhookHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export interface RuntimeOptions {
  store: Store;
  registry: NodeRegistry;
  sandbox: Sandbox;
  http: HttpClient;
  logger: Logger;
  /** public base URL, e.g. http://localhost:5800 (webhook URLs, resume URLs) */
  publicUrl: string;
  /** executions running at once in this process */
  concurrency: number;
  /** executions of one project running at once in this process (default: concurrency) */
  projectConcurrency?: number;
  /** id of this process (claims executions; crash recovery finds orphans of dead claimers) */
  instanceId: string;
  /** bytes of item data one execution may store */
  maxExecutionDataBytes: number;
  /** network-down parking: first wait, longest wait, give up after (engine defaults: 5 s, 5 min, 24 h) */
  networkRetry?: { baseMs: number; maxMs: number; totalMs: number };
  /** how long a webhook in lastNode/responseNode mode waits before answering 202 + execution id */
  webhookResponseTimeoutMs: number;
  /** how long /webhook-test/ listens */
  testWebhookTimeoutMs: number;
  /** token bucket per webhook (workflow + path); absent or rate 0 = unlimited */
  webhookRateLimit?: { ratePerSecond: number; burst: number };
  pruning: { enabled: boolean; maxAgeMs: number; maxCount: number; intervalMs: number };
  queue?: ExecutionQueue;
  events?: ExecutionEvents;
  /** default 'all' (requires no queue/events/control: in-memory ones are made) */
  role?: RuntimeRole;
  /** queue mode: cancel requests reach the worker running the execution */
  control?: ExecutionControl;
  /** queue mode: live instances (orphaned 'running' rows of dead ones are re-queued) */
  presence?: InstancePresence;
  /** told each time an execution or trigger resolves (decrypts) a credential: the audit log */
  onCredentialUse?: (use: CredentialUse) => void;
}

/** A credential was resolved for an execution or a trigger (never carries the data). */
export interface CredentialUse {
  credentialId: string;
  name: string;
  type: string;
  projectId: string;
}

export interface Runtime {
  readonly events: ExecutionEvents;
  /** recover crashed/queued executions, start the queue consumer, schedules, waits, pruning */
  start(): Promise<void>;
  /** stop accepting work, drain or checkpoint running executions */
  stop(timeoutMs?: number): Promise<void>;
  /** creates a durable execution and enqueues it */
  startExecution(input: NewExecution): Promise<ExecutionRecord>;
  /** run now (API "run" and editor "test workflow"): manual trigger or given start node + items */
  runWorkflow(input: {
    workflowId: string;
    document?: Workflow;
    startNodeId?: string;
    items?: Item[];
    destinationNodeId?: string;
    /** partial run: reuse this earlier execution's successful upstream steps (prior-steps.ts) */
    priorExecutionId?: string;
    mode?: 'manual' | 'api';
  }): Promise<ExecutionRecord>;
  /** resolves with the outcome when the execution finishes, or undefined after timeoutMs */
  waitForFinish(executionId: string, timeoutMs: number): Promise<ExecutionOutcome | undefined>;
  cancel(executionId: string): Promise<boolean>;
  retry(executionId: string): Promise<ExecutionRecord>;
  /** registers webhooks, schedules and polling for the workflow; runs trigger onActivate hooks */
  activate(workflowId: string): Promise<void>;
  deactivate(workflowId: string): Promise<void>;
  /** editor: listen on /webhook-test/<path> for the next call to this workflow */
  listenForTestWebhook(
    workflowId: string,
    document: Workflow,
  ): Promise<{ urls: string[]; expiresAt: string }>;
  handleWebhook(call: WebhookCall): Promise<WebhookHttpResponse>;
}
