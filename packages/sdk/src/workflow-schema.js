"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.workflowSchema = exports.workflowSettingsSchema = exports.stickyNoteSchema = exports.connectionSchema = exports.workflowNodeSchema = exports.retryPolicySchema = exports.CURRENT_WORKFLOW_SCHEMA_VERSION = void 0;
exports.workflowJsonSchema = workflowJsonSchema;
var zod_1 = require("zod");
/**
 * The workflow document: the single source for validation, TypeScript types and the published
 * JSON Schema (`workflowJsonSchema()`). Connections reference node ids (not names), so renaming a
 * node never breaks wiring.
 */
exports.CURRENT_WORKFLOW_SCHEMA_VERSION = 1;
var id = zod_1.z.string().min(1).max(128);
exports.retryPolicySchema = zod_1.z.object({
    maxTries: zod_1.z.number().int().min(1).max(10).default(3),
    waitMs: zod_1.z.number().int().min(0).max(3600000).default(1000),
    backoff: zod_1.z.enum(['fixed', 'exponential']).default('exponential'),
});
exports.workflowNodeSchema = zod_1.z.object({
    id: id,
    name: zod_1.z.string().min(1).max(200),
    type: zod_1.z.string().min(1).max(200),
    typeVersion: zod_1.z.number().int().min(1).default(1),
    params: zod_1.z.record(zod_1.z.string(), zod_1.z.unknown()).default({}),
    position: zod_1.z.tuple([zod_1.z.number(), zod_1.z.number()]).default([0, 0]),
    disabled: zod_1.z.boolean().default(false),
    /** credential slot name → credential id */
    credentials: zod_1.z.record(zod_1.z.string(), zod_1.z.string()).default({}),
    retry: exports.retryPolicySchema.optional(),
    /** stop: fail the execution; continue: pass the input items through; output: route to the `error` output */
    onError: zod_1.z.enum(['stop', 'continue', 'output']).default('stop'),
    notes: zod_1.z.string().max(10000).optional(),
});
exports.connectionSchema = zod_1.z.object({
    from: zod_1.z.object({ node: id, output: zod_1.z.string().min(1).default('main') }),
    to: zod_1.z.object({ node: id, input: zod_1.z.number().int().min(0).default(0) }),
});
exports.stickyNoteSchema = zod_1.z.object({
    id: id,
    text: zod_1.z.string().max(20000),
    position: zod_1.z.tuple([zod_1.z.number(), zod_1.z.number()]),
    size: zod_1.z.tuple([zod_1.z.number(), zod_1.z.number()]).default([240, 160]),
    color: zod_1.z.string().max(32).optional(),
});
exports.workflowSettingsSchema = zod_1.z.object({
    timezone: zod_1.z.string().max(64).default('UTC'),
    /** whole-execution timeout; 0 = none */
    timeoutMs: zod_1.z.number().int().min(0).max(86400000).default(300000),
    errorWorkflowId: zod_1.z.string().optional(),
    /** how many independent branches may run at once */
    concurrency: zod_1.z.number().int().min(1).max(64).default(4),
    retention: zod_1.z
        .object({
        saveSuccessData: zod_1.z.boolean().default(true),
        saveErrorData: zod_1.z.boolean().default(true),
        saveManualData: zod_1.z.boolean().default(true),
    })
        .default({ saveSuccessData: true, saveErrorData: true, saveManualData: true }),
    /** skip (default) or run once for schedule ticks missed while the server was down */
    missedSchedules: zod_1.z.enum(['skip', 'runOnce']).default('skip'),
});
var itemSchema = zod_1.z.object({
    json: zod_1.z.record(zod_1.z.string(), zod_1.z.unknown()),
    binary: zod_1.z.record(zod_1.z.string(), zod_1.z.unknown()).optional(),
    pairedItem: zod_1.z.number().int().optional(),
});
exports.workflowSchema = zod_1.z.object({
    schemaVersion: zod_1.z.literal(exports.CURRENT_WORKFLOW_SCHEMA_VERSION).default(exports.CURRENT_WORKFLOW_SCHEMA_VERSION),
    id: zod_1.z.string().optional(),
    name: zod_1.z.string().min(1).max(200),
    description: zod_1.z.string().max(5000).optional(),
    nodes: zod_1.z.array(exports.workflowNodeSchema).max(2000),
    connections: zod_1.z.array(exports.connectionSchema).max(10000).default([]),
    settings: exports.workflowSettingsSchema.default(exports.workflowSettingsSchema.parse({})),
    /** node id → items used instead of running the node */
    pinData: zod_1.z.record(zod_1.z.string(), zod_1.z.array(itemSchema)).default({}),
    stickyNotes: zod_1.z.array(exports.stickyNoteSchema).default([]),
    tags: zod_1.z.array(zod_1.z.string().max(64)).max(50).default([]),
});
function workflowJsonSchema() {
    return zod_1.z.toJSONSchema(exports.workflowSchema, { io: 'input', unrepresentable: 'any' });
}
