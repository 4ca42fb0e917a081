import type { Logger, Workflow } from '@shopwire/sdk';
import type { ExecutionRecord, NewExecution, Store } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import type { RunResult } from '@shopwire/engine';
import { findTriggerNodes } from './trigger-nodes.js';

export interface ErrorWorkflowDeps {
  store: Store;
  registry: NodeRegistry;
  logger: Logger;
  startExecution(input: NewExecution): Promise<ExecutionRecord>;
}

/** After a failed execution: start `settings.errorWorkflowId` at its Error Trigger with the failure. */
export function createErrorWorkflowStarter(deps: ErrorWorkflowDeps) {
  return async (input: {
    record: ExecutionRecord;
    document: Workflow & { id: string };
    result: RunResult;
  }): Promise<void> => {
    const { record, document, result } = input;
    const errorWorkflowId = document.settings.errorWorkflowId;
    // an error workflow that fails does not start another one (no loops)
    if (!errorWorkflowId || record.mode === 'error') return;
    const target = await deps.store.workflows.get(errorWorkflowId);
    if (!target || target.projectId !== record.projectId) {
      deps.logger.warn('error workflow not found', { workflowId: record.workflowId, errorWorkflowId });
      return;
    }
    const trigger = findTriggerNodes(target.document, deps.registry, ['error'])[0];
    if (!trigger) {
      deps.logger.warn('error workflow has no Error Trigger node', { errorWorkflowId });
      return;
    }
    const failedNodeId = result.error?.nodeId ?? result.lastNode?.nodeId;
    const lastNodeExecuted =
      result.error?.nodeName ?? document.nodes.find((n) => n.id === failedNodeId)?.name ?? null;
    await deps.startExecution({
      workflowId: target.id,
      workflowVersion: target.version,
      projectId: target.projectId,
      mode: 'error',
      startNodeId: trigger.node.id,
      startItems: [
        {
          json: {
            execution: {
              id: record.id,
              error: (result.error ?? { code: 'INTERNAL', message: 'unknown error' }) as unknown as Record<
                string,
                string
              >,
              mode: record.mode,
              lastNodeExecuted,
            },
            workflow: { id: document.id, name: document.name },
          },
        },
      ],
      document: target.document,
    });
  };
}
