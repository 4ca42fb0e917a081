import type {
  ErrorData,
  ExecutionJournal,
  ExecutionMode,
  ExecutionStatus,
  Item,
  JsonValue,
  NodeStateStore,
  StepRecord,
  Workflow,
} from '@shopwire/sdk';
import type { AccountsRepo, ApiKeyScope, AuditRepo, ProjectsRepo, VaultRepo } from './access-types.js';

/**
 * The store the server talks to. One implementation on Kysely serves SQLite and (later) PostgreSQL;
 * nothing above this interface knows which SQL dialect runs. All timestamps are ISO-8601 strings.
 * Every row that belongs to a tenant carries `projectId` (default project: 'default').
 */

export type Role = 'owner' | 'admin' | 'editor' | 'viewer';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  /** a confirmed TOTP second factor is required at login */
  totpEnabled: boolean;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  userId: string;
  /** first chars of the key, shown in lists so a person can tell keys apart */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  scope: ApiKeyScope;
}

export interface WorkflowRecord {
  id: string;
  projectId: string;
  name: string;
  active: boolean;
  /** current version number (1, 2, ...): every save adds a version row */
  version: number;
  document: Workflow;
  createdAt: string;
  updatedAt: string;
  /**
   * Set only by `workflows.list` when a stored row cannot be read (corrupt JSON, invalid document):
   * the record then carries an empty document and this error, so one bad row does not fail the list.
   */
  loadError?: ErrorData;
}

export interface WorkflowVersionRecord {
  workflowId: string;
  version: number;
  document: Workflow;
  createdAt: string;
  createdBy: string | null;
}

export interface ExecutionRecord {
  id: string;
  workflowId: string;
  workflowVersion: number;
  projectId: string;
  status: ExecutionStatus;
  mode: ExecutionMode;
  /** the node that started it and the items it started with */
  startNodeId: string;
  /** partial run: stop after this node */
  destinationNodeId: string | null;
  retryOf: string | null;
  parentExecutionId: string | null;
  error: ErrorData | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** status 'waiting': when to resume */
  waitUntil: string | null;
  /** for webhook executions: who waits for the HTTP response ('lastNode' | 'responseNode' | null) */
  responseMode: string | null;
  dataBytes: number;
  truncated: boolean;
  /** which process claimed it (in-process: the server instance id; queue mode: worker id) */
  claimedBy: string | null;
}

export interface NewExecution {
  workflowId: string;
  workflowVersion: number;
  projectId: string;
  mode: ExecutionMode;
  startNodeId: string;
  startItems: Item[];
  destinationNodeId?: string;
  retryOf?: string;
  parentExecutionId?: string;
  responseMode?: string;
  /** the workflow document to run (snapshot; test runs may run unsaved edits) */
  document: Workflow;
  /**
   * `document` IS the saved version `workflowVersion`: the row references that version instead of
   * storing a copy (executions of active workflows; a deleted workflow's versions are copied into
   * its executions first). Leave unset for unsaved documents.
   */
  savedVersion?: boolean;
  /** create it already claimed (`running`) by this worker, which runs it now: saves the claim write */
  claimedBy?: string;
}

export interface ExecutionFilter {
  projectId?: string;
  workflowId?: string;
  status?: ExecutionStatus[];
  /** ISO timestamps, inclusive */
  from?: string;
  to?: string;
  /** opaque cursor from the previous page */
  cursor?: string;
  /** default 50, max 250 */
  limit?: number;
}

export interface CredentialRecord {
  id: string;
  projectId: string;
  name: string;
  type: string;
  createdAt: string;
  updatedAt: string;
}

export interface VariableRecord {
  id: string;
  projectId: string;
  key: string;
  value: string;
}

export interface WebhookRegistration {
  workflowId: string;
  nodeId: string;
  method: string;
  /** path template without leading slash, may contain `:param` segments */
  path: string;
  projectId: string;
}

export interface ScheduleRecord {
  workflowId: string;
  nodeId: string;
  projectId: string;
  cron: string | null;
  intervalMs: number | null;
  timezone: string;
  /** the tick the schedule fired last (ISO); used for the missed-tick policy */
  lastTickAt: string | null;
}

export interface PruneOptions {
  /** delete finished executions older than this many ms */
  maxAgeMs: number;
  /** keep at most this many finished executions per workflow */
  maxCount: number;
  /** rows deleted per transaction, so the app is never locked for long */
  batchSize?: number;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** the engine's journal; writes are group-committed: the promise resolves when durable */
  readonly journal: ExecutionJournal;
  readonly nodeState: NodeStateStore;

  users: {
    count(): Promise<number>;
    create(input: { email: string; name: string; role: Role; passwordHash: string }): Promise<UserRecord>;
    getById(id: string): Promise<UserRecord | undefined>;
    getByEmail(email: string): Promise<UserRecord | undefined>;
    /** every user, oldest first (the owner is the first) */
    list(): Promise<UserRecord[]>;
  };
  sessions: {
    /** stores sha256(token) */
    create(input: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
    getUser(tokenHash: string, now: string): Promise<UserRecord | undefined>;
    delete(tokenHash: string): Promise<void>;
  };
  apiKeys: {
    create(input: {
      name: string;
      userId: string;
      keyHash: string;
      prefix: string;
      scope?: ApiKeyScope;
    }): Promise<ApiKeyRecord>;
    /** by sha256(key); touches lastUsedAt; undefined if unknown or revoked */
    authenticate(keyHash: string, now: string): Promise<{ key: ApiKeyRecord; user: UserRecord } | undefined>;
    list(userId?: string): Promise<ApiKeyRecord[]>;
    revoke(id: string): Promise<boolean>;
  };
  workflows: {
    create(input: { projectId: string; document: Workflow; createdBy?: string }): Promise<WorkflowRecord>;
    /** saves a new version; throws if `expectedVersion` is given and is not the current one */
    update(
      id: string,
      input: { document: Workflow; expectedVersion?: number; updatedBy?: string },
    ): Promise<WorkflowRecord>;
    get(id: string): Promise<WorkflowRecord | undefined>;
    list(filter: { projectId?: string; search?: string; active?: boolean }): Promise<WorkflowRecord[]>;
    setActive(id: string, active: boolean): Promise<void>;
    delete(id: string): Promise<boolean>;
    versions(id: string): Promise<WorkflowVersionRecord[]>;
    getVersion(id: string, version: number): Promise<WorkflowVersionRecord | undefined>;
  };
  executions: {
    /** durable enqueue: inserts status 'queued' with the start items and document snapshot */
    create(input: NewExecution): Promise<ExecutionRecord>;
    /**
     * create with a caller-chosen id (deterministicId of e.g. a schedule tick); undefined when an
     * execution with that id exists already: of processes creating the same one, one wins
     */
    createOnce(input: NewExecution, id: string): Promise<ExecutionRecord | undefined>;
    get(id: string): Promise<ExecutionRecord | undefined>;
    /** the document snapshot and start items an execution runs with */
    getRunInput(id: string): Promise<{ document: Workflow; startItems: Item[] } | undefined>;
    list(filter: ExecutionFilter): Promise<{ items: ExecutionRecord[]; nextCursor: string | null }>;
    /** atomically moves queued → running for this claimer; false if someone else has it */
    claim(id: string, claimedBy: string, now: string): Promise<boolean>;
    /**
     * a running row claimed by `from` (a process known to be dead) is claimed by `claimedBy`
     * instead (queue mode: a job re-delivered after its worker died); false if anything changed
     */
    takeOver(id: string, from: string, claimedBy: string): Promise<boolean>;
    /**
     * queued or waiting → canceled; also running when claimed by `deadClaimer` (its process is gone).
     * false when it is running elsewhere or already finished
     */
    cancelIdle(id: string, now: string, deadClaimer?: string): Promise<boolean>;
    /** atomically waiting → queued (a due Wait); false when another process released it first */
    releaseWait(id: string): Promise<boolean>;
    /** queued executions, oldest first (recovery and polling of the durable queue) */
    listQueued(limit: number): Promise<ExecutionRecord[]>;
    /** executions left 'running' by a process that died (claimedBy not in `liveClaimers`) */
    listOrphaned(liveClaimers: string[]): Promise<ExecutionRecord[]>;
    /** 'waiting' executions due at or before `now` */
    listDueWaits(now: string, limit: number): Promise<ExecutionRecord[]>;
    /** earliest waitUntil among waiting executions, for the wake-up timer */
    nextWaitAt(): Promise<string | null>;
    update(
      id: string,
      patch: Partial<
        Pick<
          ExecutionRecord,
          | 'status'
          | 'error'
          | 'startedAt'
          | 'finishedAt'
          | 'waitUntil'
          | 'dataBytes'
          | 'truncated'
          | 'claimedBy'
        >
      >,
    ): Promise<void>;
    steps(id: string): Promise<StepRecord[]>;
    delete(id: string): Promise<boolean>;
    prune(options: PruneOptions, now: string): Promise<number>;
  };
  webhooks: {
    /** replaces the registrations of a workflow; throws ValidationError if a path is taken by another workflow */
    replaceForWorkflow(workflowId: string, registrations: WebhookRegistration[]): Promise<void>;
    removeForWorkflow(workflowId: string): Promise<void>;
    all(): Promise<WebhookRegistration[]>;
  };
  schedules: {
    replaceForWorkflow(workflowId: string, schedules: Omit<ScheduleRecord, 'lastTickAt'>[]): Promise<void>;
    removeForWorkflow(workflowId: string): Promise<void>;
    all(): Promise<ScheduleRecord[]>;
    /** records a tick exactly once: false if this tick (or a later one) was already recorded */
    claimTick(workflowId: string, nodeId: string, tickAt: string): Promise<boolean>;
  };
  credentials: {
    create(input: {
      projectId: string;
      name: string;
      type: string;
      data: Record<string, unknown>;
    }): Promise<CredentialRecord>;
    update(id: string, input: { name?: string; data?: Record<string, unknown> }): Promise<CredentialRecord>;
    get(id: string): Promise<CredentialRecord | undefined>;
    /** decrypted data: only for the engine's CredentialResolver and credential tests, never for responses */
    getDecrypted(
      id: string,
    ): Promise<{ record: CredentialRecord; data: Record<string, unknown> } | undefined>;
    list(projectId?: string): Promise<CredentialRecord[]>;
    delete(id: string): Promise<boolean>;
  };
  variables: {
    list(projectId: string): Promise<VariableRecord[]>;
    set(projectId: string, key: string, value: string): Promise<VariableRecord>;
    delete(id: string): Promise<boolean>;
    asMap(projectId: string): Promise<Record<string, string>>;
  };
  accounts: AccountsRepo;
  projects: ProjectsRepo;
  audit: AuditRepo;
  vault: VaultRepo;
  close(): Promise<void>;
}

/** Values stored in JSON columns. */
export type StoredJson = JsonValue;
