import { ValidationError, validationErrorFromIssues } from './errors.js';
import { CURRENT_WORKFLOW_SCHEMA_VERSION, workflowSchema, type Workflow } from './workflow-schema.js';

/**
 * Ordered migrations: entry N upgrades a raw document from schemaVersion N to N+1. Documents are
 * migrated on load (tldraw-style), so stored and imported workflows of any older version keep working.
 */
type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

const migrations: Record<number, Migration> = {
  // 0 → 1: documents written before schemaVersion existed used `parameters` for params.
  0: (doc) => ({
    ...doc,
    schemaVersion: 1,
    nodes: Array.isArray(doc['nodes'])
      ? doc['nodes'].map((n: unknown) => {
          if (typeof n !== 'object' || n === null) return n;
          const { parameters, ...rest } = n as Record<string, unknown>;
          return parameters !== undefined && rest['params'] === undefined
            ? { ...rest, params: parameters }
            : n;
        })
      : doc['nodes'],
  }),
};

export function migrateWorkflowDocument(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ValidationError('', 'a workflow must be a JSON object');
  }
  let doc = raw as Record<string, unknown>;
  const declared = doc['schemaVersion'] === undefined ? 0 : doc['schemaVersion'];
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) {
    throw new ValidationError('schemaVersion', 'must be a non-negative integer');
  }
  let version: number = declared;
  if (version > CURRENT_WORKFLOW_SCHEMA_VERSION) {
    throw new ValidationError(
      'schemaVersion',
      `version ${version} is newer than this Shopwire supports (${CURRENT_WORKFLOW_SCHEMA_VERSION}); upgrade Shopwire`,
    );
  }
  // A document without schemaVersion that already uses `params` is treated as current.
  if (doc['schemaVersion'] === undefined && !hasLegacyParameters(doc))
    version = CURRENT_WORKFLOW_SCHEMA_VERSION;
  while (version < CURRENT_WORKFLOW_SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) throw new ValidationError('schemaVersion', `no migration from version ${version}`);
    doc = step(doc);
    version += 1;
  }
  return { ...doc, schemaVersion: CURRENT_WORKFLOW_SCHEMA_VERSION };
}

function hasLegacyParameters(doc: Record<string, unknown>): boolean {
  const nodes = doc['nodes'];
  return Array.isArray(nodes) && nodes.some((n) => typeof n === 'object' && n !== null && 'parameters' in n);
}

/**
 * Migrates and validates a workflow document. Throws ValidationError naming the offending field
 * (e.g. `nodes.2.type`). Graph checks (unknown node types, cycles) are the engine's `validateWorkflow`.
 */
export function parseWorkflow(raw: unknown): Workflow {
  const migrated = migrateWorkflowDocument(raw);
  const result = workflowSchema.safeParse(migrated);
  if (!result.success) throw validationErrorFromIssues(result.error.issues);
  return result.data;
}
