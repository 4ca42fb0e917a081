import { CURRENT_WORKFLOW_SCHEMA_VERSION, parseWorkflow, type Workflow } from '@shopwire/sdk';
import { CorruptRowError } from '../json-column.js';

/**
 * Loads an execution's workflow snapshot. Snapshots were validated when written, so one of the
 * current schema version is used as is (this runs once per execution: the hot path); an older
 * one goes through `parseWorkflow`, which migrates it.
 */
export function loadRunDocument(text: string, executionId: string): Workflow {
  const fail = (reason: string) => new CorruptRowError('execution_start', executionId, 'document', reason);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw fail(error instanceof Error ? error.message : 'invalid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw fail('not a JSON object');
  const doc = raw as Record<string, unknown>;
  if (doc['schemaVersion'] === CURRENT_WORKFLOW_SCHEMA_VERSION && Array.isArray(doc['nodes']))
    return doc as unknown as Workflow;
  try {
    return parseWorkflow(doc);
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
}
