import type { WorkflowNode } from '@shopwire/sdk';
import type { NodeTypeDescription } from '../types.js';

/** Inputs and named outputs of a placed node, computed in the browser from its params. */

export function nodeOutputs(node: WorkflowNode, desc: NodeTypeDescription | undefined): string[] {
  let outputs = desc?.outputs ?? ['main'];
  if (desc?.type === 'core.switch') {
    // mirrors core.switch: one output per rule (its name or number), plus "fallback"
    const rules = Array.isArray(node.params['rules']) ? (node.params['rules'] as { output?: unknown }[]) : [];
    outputs = rules.map((r, i) => (typeof r.output === 'string' && r.output ? r.output : String(i)));
    if ((node.params['fallback'] ?? 'extra') === 'extra') outputs.push('fallback');
  }
  return node.onError === 'output' ? [...outputs, 'error'] : outputs;
}

export function nodeInputCount(node: WorkflowNode, desc: NodeTypeDescription | undefined): number {
  if (!desc) return 1;
  if (desc.kind === 'trigger') return 0;
  if (desc.type === 'core.merge' && typeof node.params['inputCount'] === 'number')
    return node.params['inputCount'];
  return desc.inputs;
}

export function isTrigger(desc: NodeTypeDescription | undefined): boolean {
  return desc?.kind === 'trigger';
}

/** Label of an output handle; the single `main` output needs none. */
export function outputLabel(name: string): string {
  return name === 'main' ? '' : name;
}

export function inputLabel(desc: NodeTypeDescription | undefined, index: number, count: number): string {
  if (count <= 1) return '';
  if (desc?.loop) return index === 0 ? 'in' : 'loop back';
  return `input ${index + 1}`;
}
