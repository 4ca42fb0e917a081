import { z } from 'zod';

/**
 * The workflow document: the single source for validation, TypeScript types and the published
 * JSON Schema (`workflowJsonSchema()`). Connections reference node ids (not names), so renaming a
 * node never breaks wiring.
 */
export const CURRENT_WORKFLOW_SCHEMA_VERSION = 1;

const id = z.string().min(1).max(128);

export const retryPolicySchema = z.object({
  maxTries: z.number().int().min(1).max(10).default(3),
  waitMs: z.number().int().min(0).max(3_600_000).default(1000),
  backoff: z.enum(['fixed', 'exponential']).default('exponential'),
});

export const workflowNodeSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  type: z.string().min(1).max(200),
  typeVersion: z.number().int().min(1).default(1),
  params: z.record(z.string(), z.unknown()).default({}),
  position: z.tuple([z.number(), z.number()]).default([0, 0]),
  disabled: z.boolean().default(false),
  /** credential slot name → credential id */
  credentials: z.record(z.string(), z.string()).default({}),
  retry: retryPolicySchema.optional(),
  /** stop: fail the execution; continue: pass the input items through; output: route to the `error` output */
  onError: z.enum(['stop', 'continue', 'output']).default('stop'),
  notes: z.string().max(10_000).optional(),
});

export const connectionSchema = z.object({
  from: z.object({ node: id, output: z.string().min(1).default('main') }),
  to: z.object({ node: id, input: z.number().int().min(0).default(0) }),
});

export const stickyNoteSchema = z.object({
  id,
  text: z.string().max(20_000),
  position: z.tuple([z.number(), z.number()]),
  size: z.tuple([z.number(), z.number()]).default([240, 160]),
  color: z.string().max(32).optional(),
});

export const workflowSettingsSchema = z.object({
  timezone: z.string().max(64).default('UTC'),
  /** whole-execution timeout; 0 = none */
  timeoutMs: z.number().int().min(0).max(86_400_000).default(300_000),
  errorWorkflowId: z.string().optional(),
  /** how many independent branches may run at once */
  concurrency: z.number().int().min(1).max(64).default(4),
  retention: z
    .object({
      saveSuccessData: z.boolean().default(true),
      saveErrorData: z.boolean().default(true),
      saveManualData: z.boolean().default(true),
    })
    .default({ saveSuccessData: true, saveErrorData: true, saveManualData: true }),
  /** skip (default) or run once for schedule ticks missed while the server was down */
  missedSchedules: z.enum(['skip', 'runOnce']).default('skip'),
  /**
   * Park the execution and retry later when a call fails because the network is down (default,
   * also when unset); false: fail at once, as any other error. Optional rather than defaulted so
   * settings objects written before it stay valid as they are.
   */
  networkRetry: z.boolean().optional(),
});

const itemSchema = z.object({
  json: z.record(z.string(), z.unknown()),
  binary: z.record(z.string(), z.unknown()).optional(),
  pairedItem: z.number().int().optional(),
});

export const workflowSchema = z.object({
  schemaVersion: z.literal(CURRENT_WORKFLOW_SCHEMA_VERSION).default(CURRENT_WORKFLOW_SCHEMA_VERSION),
  id: z.string().optional(),
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  nodes: z.array(workflowNodeSchema).max(2000),
  connections: z.array(connectionSchema).max(10_000).default([]),
  settings: workflowSettingsSchema.default(workflowSettingsSchema.parse({})),
  /** node id → items used instead of running the node */
  pinData: z.record(z.string(), z.array(itemSchema)).default({}),
  stickyNotes: z.array(stickyNoteSchema).default([]),
  tags: z.array(z.string().max(64)).max(50).default([]),
});

export type RetryPolicy = z.infer<typeof retryPolicySchema>;
export type WorkflowNode = z.infer<typeof workflowNodeSchema>;
export type Connection = z.infer<typeof connectionSchema>;
export type WorkflowSettings = z.infer<typeof workflowSettingsSchema>;
export type StickyNote = z.infer<typeof stickyNoteSchema>;
/** A parsed, defaulted workflow document. */
export type Workflow = z.infer<typeof workflowSchema>;
/** What a person may write: defaults may be left out. */
export type WorkflowInput = z.input<typeof workflowSchema>;

export function workflowJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(workflowSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
