import type { StepRecord, Workflow } from '@shopwire/sdk';
import type { ExecutionRecord, Store } from '@shopwire/db';
import { z } from '@shopwire/sdk';

/** Response shapes shared by several routes (documented in OpenAPI). */

export const errorDataSchema = z.object({ code: z.string(), message: z.string() }).catchall(z.unknown());

export const executionSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  workflowVersion: z.number(),
  status: z.enum(['queued', 'running', 'waiting', 'success', 'error', 'canceled', 'crashed']),
  mode: z.string(),
  startNodeId: z.string(),
  destinationNodeId: z.string().nullable(),
  retryOf: z.string().nullable(),
  parentExecutionId: z.string().nullable(),
  error: errorDataSchema.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  waitUntil: z.string().nullable(),
  dataBytes: z.number(),
  truncated: z.boolean(),
});

export const stepSchema = z
  .object({
    nodeId: z.string(),
    nodeName: z.string(),
    runIndex: z.number(),
    status: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
  })
  .catchall(z.unknown());

export const executionDetailSchema = executionSchema.extend({ steps: z.array(stepSchema) });

/** GET /executions/:id also returns the workflow document the execution ran (its snapshot). */
export const executionWithDocumentSchema = executionDetailSchema.extend({
  document: z.record(z.string(), z.unknown()).nullable(),
});

export type ExecutionView = Omit<ExecutionRecord, 'projectId' | 'claimedBy' | 'responseMode'>;

export function executionView(record: ExecutionRecord): ExecutionView {
  const { projectId: _p, claimedBy: _c, responseMode: _r, ...rest } = record;
  return rest;
}

export async function executionDetail(
  store: Store,
  record: ExecutionRecord,
): Promise<ExecutionView & { steps: StepRecord[] }> {
  const steps = await store.executions.steps(record.id);
  return { ...executionView(record), steps };
}

export async function executionDetailWithDocument(
  store: Store,
  record: ExecutionRecord,
): Promise<ExecutionView & { steps: StepRecord[]; document: Workflow | null }> {
  const [detail, input] = await Promise.all([
    executionDetail(store, record),
    store.executions.getRunInput(record.id),
  ]);
  return { ...detail, document: input?.document ?? null };
}
