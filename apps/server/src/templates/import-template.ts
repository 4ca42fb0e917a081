import { ValidationError } from '@shopwire/sdk';
import type { Store, WorkflowRecord } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import { parseAndValidateWorkflow } from '../routes/workflow-docs.js';
import type { Runtime } from '../runtime/types.js';
import { fillPlaceholders } from './placeholders.js';
import type { Template } from './template-schema.js';

export interface ImportTemplateOptions {
  store: Store;
  registry: NodeRegistry;
  runtime: Pick<Runtime, 'activate'>;
  template: Template;
  /** project the workflow is created in; credentials must belong to it */
  projectId: string;
  /** template slot → id of a stored credential */
  credentials: Record<string, string>;
  activate?: boolean;
  /** name of the new workflow (default: the template's workflow name) */
  name?: string;
  userId?: string;
}

export interface ImportTemplateResult {
  record: WorkflowRecord;
  activated: boolean;
  /** why activation failed (the workflow is created anyway, inactive) */
  activationError?: string;
}

/**
 * Checks that every credential slot of the template is filled with a stored credential of the right
 * type: each problem is an issue named `credentials.<slot>`, so the editor can ask for just those.
 * Then creates the workflow with the placeholders replaced, and optionally activates it.
 */
export async function importTemplate(options: ImportTemplateOptions): Promise<ImportTemplateResult> {
  const { store, template } = options;
  const issues: { field: string; message: string }[] = [];
  for (const slot of template.credentials) {
    const field = `credentials.${slot.slot}`;
    const id = options.credentials[slot.slot];
    if (id === undefined || id === '') {
      issues.push({
        field,
        message: `required: choose or create a ${slot.type} credential (${slot.description})`,
      });
      continue;
    }
    const record = await store.credentials.get(id);
    if (!record || record.projectId !== options.projectId) {
      issues.push({ field, message: `no credential with id "${id}"` });
    } else if (record.type !== slot.type) {
      issues.push({
        field,
        message: `credential "${record.name}" is a ${record.type}; this slot needs ${slot.type}`,
      });
    }
  }
  const unknown = Object.keys(options.credentials).filter(
    (s) => !template.credentials.some((c) => c.slot === s),
  );
  for (const slot of unknown)
    issues.push({
      field: `credentials.${slot}`,
      message: `template ${template.id} has no credential slot "${slot}"`,
    });
  const first = issues[0];
  if (first) throw new ValidationError(first.field, first.message, issues);

  const raw = fillPlaceholders(template, options.credentials);
  if (options.name !== undefined) raw['name'] = options.name;
  const { id: _ignored, ...document } = parseAndValidateWorkflow(raw, options.registry);
  const record = await store.workflows.create({
    projectId: options.projectId,
    document,
    createdBy: options.userId,
  });
  if (!options.activate) return { record, activated: false };
  try {
    await options.runtime.activate(record.id);
    const active = (await store.workflows.get(record.id)) ?? record;
    return { record: active, activated: true };
  } catch (error) {
    return {
      record,
      activated: false,
      activationError: error instanceof Error ? error.message : String(error),
    };
  }
}
