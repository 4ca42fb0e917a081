import { ShopwireError, ValidationError, type HttpClient, type Logger, type Workflow } from '@shopwire/sdk';
import type { ScheduleRecord, Store, WebhookRegistration, WorkflowRecord } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import { validateWorkflow } from '@shopwire/engine';
import { createCredentialResolver } from './credential-resolver.js';
import { isValidCron } from './cron-match.js';
import { createTriggerContext } from './trigger-context.js';
import { findTriggerNodes, parseTriggerParams, type TriggerNode } from './trigger-nodes.js';
import { normalizeWebhookPath } from './webhook-paths.js';

/**
 * Activation that needs only the store: the CLI's `import --activate` uses it whether or not a
 * server is running (a running runtime picks the change up from the database).
 */
export interface ActivationDeps {
  store: Store;
  registry: NodeRegistry;
  http: HttpClient;
  logger: Logger;
  /** e.g. http://localhost:5800, for the webhook URLs given to onActivate hooks */
  publicUrl: string;
}

const STARTABLE = ['webhook', 'schedule', 'polling', 'subworkflow', 'error'] as const;

export async function activateWorkflowInStore(
  deps: ActivationDeps,
  workflowId: string,
): Promise<WorkflowRecord> {
  const record = await getWorkflowOrThrow(deps.store, workflowId);
  const document = record.document;
  validateWorkflow(document, deps.registry);
  const triggers = findTriggerNodes(document, deps.registry, [...STARTABLE]);
  if (triggers.length === 0) {
    throw new ValidationError(
      'nodes',
      'an active workflow needs a Webhook, Schedule or polling trigger; a Manual Trigger only runs from the editor',
    );
  }
  const webhooks: WebhookRegistration[] = [];
  const schedules: Omit<ScheduleRecord, 'lastTickAt'>[] = [];
  const hooked: { trigger: TriggerNode; params: unknown; path?: string }[] = [];
  for (const trigger of triggers) {
    const params = parseTriggerParams(trigger);
    const spec = trigger.spec;
    if (spec.type === 'webhook') {
      const hook = spec.webhook(params);
      const path = normalizeWebhookPath(hook.path, `nodes.${trigger.index}.params.path`);
      for (const method of new Set(hook.methods.map((m) => m.toUpperCase()))) {
        webhooks.push({ workflowId, nodeId: trigger.node.id, method, path, projectId: record.projectId });
      }
      hooked.push({ trigger, params, path });
    } else if (spec.type === 'schedule') {
      schedules.push(scheduleRow(record, trigger, spec.schedule(params)));
    }
  }
  await deps.store.webhooks.replaceForWorkflow(workflowId, webhooks);
  await deps.store.schedules.replaceForWorkflow(workflowId, schedules);
  try {
    for (const { trigger, params, path } of hooked) {
      const spec = trigger.spec;
      if (spec.type !== 'webhook' || !spec.onActivate) continue;
      await spec.onActivate(hookContext(deps, record, trigger, params, path));
    }
  } catch (error) {
    await deps.store.webhooks.removeForWorkflow(workflowId);
    await deps.store.schedules.removeForWorkflow(workflowId);
    throw new ShopwireError(
      'ACTIVATION_FAILED',
      `activating "${record.name}" failed: ${(error as Error).message}`,
      { cause: error },
    );
  }
  await deps.store.workflows.setActive(workflowId, true);
  return { ...record, active: true };
}

/** Reverses activation. onDeactivate failures are logged: the workflow is deactivated anyway. */
export async function deactivateWorkflowInStore(deps: ActivationDeps, workflowId: string): Promise<void> {
  const record = await getWorkflowOrThrow(deps.store, workflowId);
  for (const trigger of safeTriggers(record.document, deps)) {
    const spec = trigger.spec;
    if (spec.type !== 'webhook' || !spec.onDeactivate) continue;
    try {
      const params = parseTriggerParams(trigger);
      const path = normalizeWebhookPath(spec.webhook(params).path);
      await spec.onDeactivate(hookContext(deps, record, trigger, params, path));
    } catch (error) {
      deps.logger.warn('trigger onDeactivate failed', {
        workflowId,
        nodeId: trigger.node.id,
        error: (error as Error).message,
      });
    }
  }
  await deps.store.webhooks.removeForWorkflow(workflowId);
  await deps.store.schedules.removeForWorkflow(workflowId);
  await deps.store.workflows.setActive(workflowId, false);
}

export async function getWorkflowOrThrow(store: Store, workflowId: string): Promise<WorkflowRecord> {
  const record = await store.workflows.get(workflowId);
  if (!record) throw new ShopwireError('NOT_FOUND', `workflow "${workflowId}" does not exist`);
  return record;
}

function scheduleRow(
  record: WorkflowRecord,
  trigger: TriggerNode,
  schedule: { cron?: string; intervalMs?: number; timezone?: string },
): Omit<ScheduleRecord, 'lastTickAt'> {
  const field = `nodes.${trigger.index}.params`;
  const timezone = schedule.timezone || record.document.settings.timezone || 'UTC';
  if (!isValidTimezone(timezone))
    throw new ValidationError(`${field}.timezone`, `unknown timezone "${timezone}"`);
  if (schedule.cron) {
    if (!isValidCron(schedule.cron))
      throw new ValidationError(`${field}.cron`, `"${schedule.cron}" is not a valid cron expression`);
    return {
      workflowId: record.id,
      nodeId: trigger.node.id,
      projectId: record.projectId,
      cron: schedule.cron,
      intervalMs: null,
      timezone,
    };
  }
  if (schedule.intervalMs === undefined || !(schedule.intervalMs >= 1000)) {
    throw new ValidationError(
      field,
      'a schedule needs a cron expression or an interval of at least 1 second',
    );
  }
  return {
    workflowId: record.id,
    nodeId: trigger.node.id,
    projectId: record.projectId,
    cron: null,
    intervalMs: schedule.intervalMs,
    timezone,
  };
}

function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

function safeTriggers(document: Workflow, deps: ActivationDeps): TriggerNode[] {
  try {
    return findTriggerNodes(document, deps.registry, ['webhook']);
  } catch {
    return [];
  }
}

function hookContext(
  deps: ActivationDeps,
  record: WorkflowRecord,
  trigger: TriggerNode,
  params: unknown,
  path: string | undefined,
) {
  return createTriggerContext({
    params,
    workflow: { id: record.id, name: record.name, projectId: record.projectId },
    node: trigger.node,
    definition: trigger.definition,
    ...(path !== undefined ? { webhookUrl: `${deps.publicUrl.replace(/\/+$/, '')}/webhook/${path}` } : {}),
    credentials: createCredentialResolver(deps.store),
    http: deps.http,
    logger: deps.logger,
    nodeState: deps.store.nodeState,
  });
}
