import type { Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. Dialect-neutral storage: ids and timestamps (ISO-8601) as
 * TEXT, JSON as TEXT, booleans as integers 0/1.
 */
export interface Database {
  projects: { id: string; name: string; created_at: string };
  users: {
    id: string;
    email: string;
    name: string;
    role: string;
    password_hash: string;
    created_at: string;
    /** 0003: AES-GCM envelope JSON of the TOTP secret */
    totp_secret: string | null;
    totp_enabled: Generated<number>;
    totp_last_step: number | null;
  };
  project_members: { project_id: string; user_id: string; role: string; created_at: string };
  audit_log: {
    id: string;
    at: string;
    actor_id: string | null;
    actor_label: string | null;
    action: string;
    target_type: string | null;
    target_id: string | null;
    project_id: string | null;
    ip: string | null;
    user_agent: string | null;
    details: string | null;
  };
  sessions: { token_hash: string; user_id: string; expires_at: string; created_at: string };
  api_keys: {
    id: string;
    name: string;
    user_id: string;
    key_hash: string;
    prefix: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
    /** 0003: read | execute | manage */
    scope: Generated<string>;
  };
  workflows: {
    id: string;
    project_id: string;
    name: string;
    active: number;
    version: number;
    document: string;
    created_at: string;
    updated_at: string;
  };
  workflow_versions: {
    workflow_id: string;
    version: number;
    document: string;
    created_at: string;
    created_by: string | null;
  };
  executions: ExecutionsTable;
  /** document NULL: the saved version named by executions.workflow_version */
  execution_start: { execution_id: string; document: string | null; start_items: string };
  execution_steps: StepsTable;
  webhooks: { method: string; path: string; workflow_id: string; node_id: string; project_id: string };
  schedules: {
    workflow_id: string;
    node_id: string;
    project_id: string;
    cron: string | null;
    interval_ms: number | null;
    timezone: string;
    last_tick_at: string | null;
  };
  credentials: {
    id: string;
    project_id: string;
    name: string;
    type: string;
    key_id: string;
    iv: string;
    tag: string;
    data: string;
    created_at: string;
    updated_at: string;
  };
  variables: { id: string; project_id: string; key: string; value: string };
  node_state: { workflow_id: string; node_id: string; key: string; value: string; updated_at: string };
}

export interface ExecutionsTable {
  id: string;
  workflow_id: string;
  workflow_version: number;
  project_id: string;
  status: string;
  mode: string;
  start_node_id: string;
  destination_node_id: string | null;
  retry_of: string | null;
  parent_execution_id: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  wait_until: string | null;
  response_mode: string | null;
  data_bytes: number;
  truncated: number;
  claimed_by: string | null;
}

export interface StepsTable {
  execution_id: string;
  node_id: string;
  run_index: number;
  /** insertion order inside one process; ties of started_at are broken by it */
  seq: number;
  node_name: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  input: string | null;
  output: string | null;
  run_state: string | null;
  logs: string | null;
  error: string | null;
  pinned: number;
  truncated: number;
  wait_until: string | null;
}

export type ExecutionRow = ExecutionsTable;
export type StepRow = StepsTable;
