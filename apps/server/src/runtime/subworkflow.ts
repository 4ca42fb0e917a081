import { ShopwireError, ValidationError, type ChurnMap, type Item } from '@shopwire/sdk';
import type { ExecutionRecord, NewExecution, Store } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import type { SubworkflowRequest } from '@shopwire/engine';
import type { RunCancel } from './run-cancel.js';
import type { Runner } from './runner.js';
import { findTriggerNodes } from './trigger-nodes.js';

const MAX_DEPTH = 16;

export interface SubworkflowDeps {
  store: Store;
  registry: NodeRegistry;
  runner: () => Runner;
  running: ChurnMap<string, RunCancel>;
  /** creates the row and remembers the run input (no enqueue: the child runs inline) */
  createExecution(input: NewExecution, active: boolean): Promise<ExecutionRecord>;
}

/**
 * Runs a sub-workflow as a child execution, inline in the caller's worker slot: going through the
 * bounded queue could deadlock when every slot holds a parent waiting for its child.
 */
export function createSubworkflowExecutor(
  deps: SubworkflowDeps,
): (request: SubworkflowRequest) => Promise<Item[]> {
  const depth = new Map<string, number>();
  return async (request) => {
    const level = (depth.get(request.parentExecutionId) ?? 0) + 1;
    if (level > MAX_DEPTH) {
      throw new ShopwireError(
        'SUBWORKFLOW_DEPTH',
        `sub-workflows are nested more than ${MAX_DEPTH} levels deep; is a workflow calling itself?`,
      );
    }
    const record = await deps.store.workflows.get(request.workflowId);
    if (!record || record.projectId !== request.projectId) {
      throw new ValidationError('workflowId', `workflow "${request.workflowId}" does not exist`);
    }
    const trigger = findTriggerNodes(record.document, deps.registry, ['subworkflow'])[0];
    if (!trigger) {
      throw new ValidationError(
        'workflowId',
        `workflow "${record.name}" has no Execute Workflow Trigger node; add one so it can be called as a sub-workflow`,
      );
    }
    const child = await deps.createExecution(
      {
        workflowId: record.id,
        workflowVersion: record.version,
        projectId: record.projectId,
        mode: 'subworkflow',
        startNodeId: trigger.node.id,
        startItems: request.items,
        parentExecutionId: request.parentExecutionId,
        document: record.document,
      },
      record.active,
    );
    depth.set(child.id, level);
    try {
      const parentSignal = deps.running.get(request.parentExecutionId);
      const result = await deps.runner().run(child.id, parentSignal ? { parentSignal } : undefined);
      if (!result)
        throw new ShopwireError(
          'SUBWORKFLOW_FAILED',
          `sub-workflow execution ${child.id} could not be started`,
        );
      if (result.status === 'error' || result.status === 'canceled') {
        const reason = result.error?.message ?? result.status;
        throw new ShopwireError(
          'SUBWORKFLOW_FAILED',
          `sub-workflow "${record.name}" failed (execution ${child.id}): ${reason}`,
        );
      }
      if (result.status === 'waiting') {
        throw new ShopwireError(
          'SUBWORKFLOW_WAITING',
          `sub-workflow "${record.name}" paused at a Wait node; sub-workflows must finish without waiting`,
        );
      }
      return result.lastNode?.items ?? [];
    } finally {
      depth.delete(child.id);
    }
  };
}
