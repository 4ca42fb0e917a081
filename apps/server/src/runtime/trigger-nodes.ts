import {
  ValidationError,
  validationErrorFromIssues,
  type NodeDefinition,
  type TriggerSpec,
  type Workflow,
  type WorkflowNode,
} from '@shopwire/sdk';
import type { NodeRegistry } from '@shopwire/registry';

export type TriggerType = TriggerSpec<unknown>['type'];

export interface TriggerNode {
  node: WorkflowNode;
  index: number;
  definition: NodeDefinition;
  spec: TriggerSpec<unknown>;
}

/** Enabled trigger nodes of a document, optionally only of the given trigger types. */
export function findTriggerNodes(
  document: Workflow,
  registry: NodeRegistry,
  types?: TriggerType[],
): TriggerNode[] {
  const out: TriggerNode[] = [];
  document.nodes.forEach((node, index) => {
    if (node.disabled) return;
    const definition = registry.getNode(node.type, node.typeVersion) ?? registry.getNode(node.type);
    const spec = definition?.trigger as TriggerSpec<unknown> | undefined;
    if (!definition || !spec) return;
    if (types && !types.includes(spec.type)) return;
    out.push({ node, index, definition, spec });
  });
  return out;
}

/** The trigger node's params parsed by its schema (defaults applied); errors name the field. */
export function parseTriggerParams(trigger: TriggerNode): unknown {
  const result = trigger.definition.params.safeParse(trigger.node.params);
  if (!result.success) throw validationErrorFromIssues(result.error.issues, `nodes.${trigger.index}.params`);
  return result.data;
}

/** The start node of a manual/API run: given, else the manual trigger, else the first trigger. */
export function pickStartNode(
  document: Workflow,
  registry: NodeRegistry,
  startNodeId?: string,
): WorkflowNode {
  if (startNodeId !== undefined) {
    const node = document.nodes.find((n) => n.id === startNodeId);
    if (!node) throw new ValidationError('startNodeId', `no node with id "${startNodeId}" in this workflow`);
    return node;
  }
  const triggers = findTriggerNodes(document, registry);
  const chosen = triggers.find((t) => t.spec.type === 'manual') ?? triggers[0];
  if (!chosen) {
    throw new ValidationError(
      'startNodeId',
      'the workflow has no trigger node; add a Manual Trigger or give startNodeId',
    );
  }
  return chosen.node;
}
