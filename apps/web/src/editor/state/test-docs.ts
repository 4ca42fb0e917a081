import type { Workflow, WorkflowNode } from '@shopwire/sdk';
import type { NodeTypeDescription } from '../types.js';

/** Small documents and node types for the editor's unit tests (pure data, no DOM). */

export function node(id: string, type = 'core.set', extra: Partial<WorkflowNode> = {}): WorkflowNode {
  return {
    id,
    name: id,
    type,
    typeVersion: 1,
    params: {},
    position: [0, 0],
    disabled: false,
    credentials: {},
    onError: 'stop',
    ...extra,
  };
}

export function doc(nodes: WorkflowNode[], links: [string, string, number?][] = []): Workflow {
  return {
    schemaVersion: 1,
    name: 'Test',
    nodes,
    connections: links.map(([from, to, input]) => ({
      from: { node: from, output: 'main' },
      to: { node: to, input: input ?? 0 },
    })),
    settings: {
      timezone: 'UTC',
      timeoutMs: 1000,
      concurrency: 1,
      retention: { saveSuccessData: true, saveErrorData: true, saveManualData: true },
      missedSchedules: 'skip',
    },
    pinData: {},
    stickyNotes: [],
    tags: [],
  } as Workflow;
}

export function desc(type: string, extra: Partial<NodeTypeDescription> = {}): NodeTypeDescription {
  return {
    type,
    version: 1,
    displayName: type,
    description: '',
    kind: 'transform',
    group: 'Core',
    inputs: 1,
    outputs: ['main'],
    dynamicOutputs: false,
    loop: false,
    credentials: [],
    idempotent: true,
    paramsSchema: { type: 'object', properties: {} },
    rawParams: [],
    package: 'core',
    ...extra,
  };
}

export const TYPES: Record<string, NodeTypeDescription> = {
  'core.manualTrigger': desc('core.manualTrigger', { kind: 'trigger', inputs: 0 }),
  'core.set': desc('core.set'),
  'core.loop': desc('core.loop', { loop: true, inputs: 2, outputs: ['loop', 'done'] }),
};
export const lookup = (type: string): NodeTypeDescription | undefined => TYPES[type];
