import type {
  CredentialResolver,
  HttpClient,
  Logger,
  NodeDefinition,
  NodeState,
  NodeStateStore,
  TriggerHookContext,
  WorkflowNode,
} from '@shopwire/sdk';
import { ValidationError } from '@shopwire/sdk';

/** Per workflow + node view of the node state store. */
export function boundNodeState(store: NodeStateStore, workflowId: string, nodeId: string): NodeState {
  return {
    get: async <T>(key: string) => (await store.get(workflowId, nodeId, key)) as T | undefined,
    set: (key, value) => store.set(workflowId, nodeId, key, value),
  };
}

export interface TriggerContextInput<P> {
  params: P;
  workflow: { id: string; name: string; projectId: string };
  node: WorkflowNode;
  definition: NodeDefinition;
  webhookUrl?: string;
  credentials: CredentialResolver;
  http: HttpClient;
  logger: Logger;
  nodeState: NodeStateStore;
}

/** What trigger hooks (onActivate, handle, poll) get to work with. */
export function createTriggerContext<P>(input: TriggerContextInput<P>): TriggerHookContext<P> {
  const { node, definition, workflow } = input;
  const ctx: TriggerHookContext<P> = {
    params: input.params,
    workflow,
    node: { id: node.id, name: node.name },
    async credential(slot) {
      const id = node.credentials[slot];
      const declared = definition.credentials?.find((c) => c.name === slot);
      if (!id)
        throw new ValidationError(
          `nodes.${node.id}.credentials.${slot}`,
          `node "${node.name}" has no credential set for "${slot}"`,
        );
      const types = declared ? (Array.isArray(declared.type) ? declared.type : [declared.type]) : [];
      return input.credentials.resolve(id, types.join(','), { projectId: workflow.projectId });
    },
    http: input.http,
    logger: input.logger,
    state: boundNodeState(input.nodeState, workflow.id, node.id),
  };
  if (input.webhookUrl !== undefined) ctx.webhookUrl = input.webhookUrl;
  return ctx;
}
