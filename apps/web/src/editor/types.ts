import type { ErrorData, Item, StepRecord, Workflow } from '@shopwire/sdk';

/** Mirror of the registry's NodeTypeDescription (GET /api/v1/node-types): web imports no server code. */
export interface NodeTypeDescription {
  type: string;
  version: number;
  displayName: string;
  description: string;
  kind: 'trigger' | 'transform' | 'action';
  group: string;
  icon?: string;
  inputs: number;
  outputs: string[];
  dynamicOutputs: boolean;
  loop: boolean;
  credentials: { name: string; type: string[]; required: boolean }[];
  idempotent: boolean;
  trigger?: string;
  paramsSchema: JsonSchema;
  rawParams: string[];
  package: string;
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  ui?: { widget?: string; placeholder?: string; language?: string };
  [key: string]: unknown;
}

export interface WorkflowRecord {
  id: string;
  name: string;
  active: boolean;
  version: number;
  document: Workflow;
  [key: string]: unknown;
}

export interface ExecutionDetail {
  id: string;
  workflowId: string;
  workflowVersion: number;
  status: string;
  mode: string;
  error: ErrorData | null;
  createdAt: string;
  finishedAt: string | null;
  steps: StepRecord[];
  /** the workflow document the execution ran (null for executions without a stored input) */
  document: Workflow | null;
  [key: string]: unknown;
}

export interface CredentialSummary {
  id: string;
  name: string;
  type: string;
}

export interface CredentialTypeInfo {
  type: string;
  displayName: string;
  schema: JsonSchema;
  secretFields: string[];
}

export interface VersionSummary {
  version: number;
  name: string;
  createdAt: string;
  createdBy: string | null;
}

export type PreviewResult =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export type { Item, StepRecord, Workflow };
