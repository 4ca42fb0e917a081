/**
 * Request/response types of the REST API. They come from the server's own zod schemas and views
 * (type-only imports: nothing of the server is bundled), so a changed response shape breaks the
 * editor's type check instead of the editor at run time. The server's route table is built at run
 * time, so Hono cannot infer an AppType: the client in client.ts is a small typed fetch client.
 */
import type { z } from 'zod';
import type { Workflow, WorkflowInput } from '@shopwire/sdk';
import type { ApiErrorBody } from '../../../server/src/errors.js';
import type { CredentialView } from '../../../server/src/routes/credential-view.js';
import type { executionSchema, executionWithDocumentSchema } from '../../../server/src/routes/views.js';
import type {
  workflowRecordSchema,
  workflowSummarySchema,
} from '../../../server/src/routes/workflow-docs.js';

export type { ApiErrorBody, CredentialView, Workflow, WorkflowInput };

export type WorkflowSummary = z.infer<typeof workflowSummarySchema>;
export type WorkflowRecord = z.infer<typeof workflowRecordSchema>;
export type Execution = z.infer<typeof executionSchema>;
/** GET /executions/:id: steps and the workflow document the execution ran */
export type ExecutionDetail = z.infer<typeof executionWithDocumentSchema>;
export type ExecutionStatus = Execution['status'];

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  createdAt: string;
}

export interface CredentialType {
  type: string;
  displayName: string;
  description?: string;
  /** JSON Schema of the credential's data */
  schema: JsonSchema;
  secretFields: string[];
  testable?: boolean;
}

/** The slice of JSON Schema the generated forms understand. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  ui?: { widget?: string; placeholder?: string };
  [key: string]: unknown;
}

export interface Variable {
  id: string;
  key: string;
  value: string;
}

export interface ExecutionListQuery {
  workflowId?: string;
  /** one or more statuses */
  status?: ExecutionStatus[];
  /** ISO dates */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface RunWorkflowBody {
  items?: { json: Record<string, unknown> }[];
  startNodeId?: string;
  destinationNodeId?: string;
  /** partial runs: reuse this execution's successful upstream steps */
  priorExecutionId?: string;
  document?: WorkflowInput;
  wait?: boolean;
  timeoutMs?: number;
}

export interface WorkflowVersionSummary {
  version: number;
  name: string;
  createdAt: string;
  createdBy: string | null;
}

export type ExpressionPreview =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
