import type { Workflow } from '@shopwire/sdk';
import type { NodeRegistry } from '@shopwire/registry';
import { findTriggerNodes, parseTriggerParams, type TriggerNode } from './trigger-nodes.js';

/** A workflow document ready to serve webhooks: parsed once per workflow version. */
export interface ServedWorkflow {
  workflowId: string;
  projectId: string;
  name: string;
  version: number;
  active: boolean;
  document: Workflow & { id: string };
  /** webhook trigger nodes by node id */
  webhookNodes: Map<string, WebhookNode>;
}

export interface WebhookNode {
  trigger: TriggerNode;
  params: unknown;
  path: string;
  methods: string[];
  responseMode: 'immediately' | 'lastNode' | 'responseNode';
  responseCode: number;
}

/** Where a matched webhook route leads. */
export interface WebhookTarget {
  workflowId: string;
  nodeId: string;
}

export function serveWorkflow(input: {
  workflowId: string;
  projectId: string;
  version: number;
  active: boolean;
  document: Workflow;
  registry: NodeRegistry;
  normalizePath(path: string): string;
}): ServedWorkflow {
  const document =
    input.document.id === input.workflowId
      ? (input.document as Workflow & { id: string })
      : { ...input.document, id: input.workflowId };
  const webhookNodes = new Map<string, WebhookNode>();
  for (const trigger of findTriggerNodes(document, input.registry, ['webhook'])) {
    if (trigger.spec.type !== 'webhook') continue;
    const params = parseTriggerParams(trigger);
    const hook = trigger.spec.webhook(params);
    webhookNodes.set(trigger.node.id, {
      trigger,
      params,
      path: input.normalizePath(hook.path),
      methods: [...new Set(hook.methods.map((m) => m.toUpperCase()))],
      responseMode: hook.responseMode,
      responseCode: hook.responseCode ?? 200,
    });
  }
  return {
    workflowId: input.workflowId,
    projectId: input.projectId,
    name: document.name,
    version: input.version,
    active: input.active,
    document,
    webhookNodes,
  };
}
