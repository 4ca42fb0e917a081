import { parseWorkflow, workflowSchema } from '@shopwire/sdk';
import type { Workflow } from '@shopwire/sdk';
import { validateWorkflow } from '@shopwire/engine';
import type { Store, WorkflowRecord } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import { z } from '@shopwire/sdk';
import { DEFAULT_PROJECT } from '../app-env.js';

/** Workflow document checks and views shared by the API routes and the CLI. */

/** Schema migration + zod (field names like `nodes.0.type`), then graph checks against the registry. */
export function parseAndValidateWorkflow(raw: unknown, registry: NodeRegistry): Workflow {
  const workflow = parseWorkflow(raw);
  validateWorkflow(workflow, registry);
  return workflow;
}

/**
 * Import: updates the workflow named by the document's `id` when it exists, else creates one.
 * Returns whether it was created.
 */
export async function importWorkflow(options: {
  store: Store;
  registry: NodeRegistry;
  raw: unknown;
  userId?: string;
  /** the project to import into (default project); a document id of another project creates a copy */
  projectId?: string;
}): Promise<{ record: WorkflowRecord; created: boolean }> {
  const document = parseAndValidateWorkflow(options.raw, options.registry);
  const projectId = options.projectId ?? DEFAULT_PROJECT;
  const found = document.id ? await options.store.workflows.get(document.id) : undefined;
  // never update a workflow of another project through its id
  const existing = found && found.projectId === projectId ? found : undefined;
  if (existing) {
    const record = await options.store.workflows.update(existing.id, { document, updatedBy: options.userId });
    return { record, created: false };
  }
  const { id: _ignored, ...rest } = document;
  const record = await options.store.workflows.create({
    projectId,
    document: rest as Workflow,
    createdBy: options.userId,
  });
  return { record, created: true };
}

export const workflowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  version: z.number(),
  tags: z.array(z.string()),
  nodeCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastExecution: z
    .object({ id: z.string(), status: z.string(), createdAt: z.string() })
    .nullable()
    .optional(),
});

export const workflowRecordSchema = workflowSummarySchema.extend({ document: workflowSchema });

export function workflowSummary(record: WorkflowRecord): z.infer<typeof workflowSummarySchema> {
  return {
    id: record.id,
    name: record.name,
    active: record.active,
    version: record.version,
    tags: record.document.tags,
    nodeCount: record.document.nodes.length,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export function workflowView(record: WorkflowRecord): z.infer<typeof workflowRecordSchema> {
  return { ...workflowSummary(record), document: record.document };
}
