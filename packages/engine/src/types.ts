import type {
  Clock,
  CredentialResolver,
  ErrorData,
  ExecutionJournal,
  ExecutionMode,
  HttpClient,
  Item,
  Logger,
  NodeDefinition,
  NodeStateStore,
  Sandbox,
  StepRecord,
  WebhookResponse,
  Workflow,
} from '@shopwire/sdk';

/** Looks up node definitions by type (and version; latest when omitted). */
export interface NodeTypeRegistry {
  getNode(type: string, version?: number): NodeDefinition | undefined;
}

export interface EngineLimits {
  /** stored step input/output bytes per execution before steps are truncated; default 16 MiB */
  maxExecutionDataBytes?: number;
  expressionTimeoutMs?: number;
  codeTimeoutMs?: number;
  /** first wait when a node fails with NETWORK_DOWN and the execution parks; default 5 000 */
  networkRetryBaseMs?: number;
  /** longest single wait between network retries; default 300 000 (5 min) */
  networkRetryMaxMs?: number;
  /** how long a node run keeps being retried before the execution fails; default 86 400 000 (24 h) */
  networkRetryTotalMs?: number;
}

export interface SubworkflowRequest {
  workflowId: string;
  items: Item[];
  parentExecutionId: string;
  projectId: string;
}

export interface EngineDeps {
  nodes: NodeTypeRegistry;
  sandbox: Sandbox;
  journal: ExecutionJournal;
  clock: Clock;
  http: HttpClient;
  credentials: CredentialResolver;
  state: NodeStateStore;
  logger: Logger;
  /** runs a sub-workflow (host creates a child execution); returns its last node's main output */
  executeSubworkflow?(request: SubworkflowRequest): Promise<Item[]>;
  limits?: EngineLimits;
}

/**
 * The part of an AbortSignal the executor follows. Hosts may pass a lighter object: in Node 20 an
 * AbortSignal made per execution survives young-generation GCs, which costs a busy server more
 * than the rest of the execution's garbage. Nodes still get a real AbortSignal (ctx.signal), made
 * only when one asks for it.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface RunRequest {
  executionId: string;
  workflow: Workflow & { id: string };
  projectId: string;
  mode: ExecutionMode;
  active?: boolean;
  /** the trigger (or start node) and its items */
  start: { nodeId: string; items: Item[] };
  /** recorded runs to replay: crash resume, wait resume, partial runs */
  priorSteps?: StepRecord[];
  /** partial run: stop after this node */
  destinationNodeId?: string;
  vars?: Record<string, string>;
  resumeUrl?: string;
  /** cancellation: an AbortSignal, or anything as light that behaves like one (see CancelSignal) */
  signal?: CancelSignal;
  /** live progress (editor) */
  onStep?(step: StepRecord): void;
  /** Respond to Webhook node */
  onRespond?(response: WebhookResponse): void;
}

export interface RunResult {
  status: 'success' | 'error' | 'waiting' | 'canceled';
  /** includes nodeId/nodeName when a node failed */
  error?: ErrorData;
  waitUntil?: string;
  /** main output of the last node that ran */
  lastNode?: { nodeId: string; items: Item[] };
  response?: WebhookResponse;
  dataBytes: number;
  truncated: boolean;
}

export interface Executor {
  run(request: RunRequest): Promise<RunResult>;
}

export const DEFAULT_MAX_EXECUTION_DATA_BYTES = 16 * 1024 * 1024;
export const MAX_LOOP_ITERATIONS = 10_000;
export const DEFAULT_NETWORK_RETRY_BASE_MS = 5_000;
export const DEFAULT_NETWORK_RETRY_MAX_MS = 300_000;
export const DEFAULT_NETWORK_RETRY_TOTAL_MS = 86_400_000;
