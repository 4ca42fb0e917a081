import type { Item } from './items.js';
import type { StepRecord } from './execution-types.js';

/**
 * How a stored step input points at data stored once already. A node's input list is nearly
 * always the very list an earlier node output (items flow between nodes by reference), so in
 * `StepJson.input` such a list is written as `{"$ref":{"node":ID,"run":N,"output":NAME}}` instead
 * of the items again: a 10,000-line order passing through three nodes is stored three times, not
 * five. The engine writes a reference only for an output that was stored whole (not cut to the
 * data cap); a store resolves references with `resolveStepInputs` before it hands steps out.
 */
export interface StepInputRef {
  $ref: { node: string; run: number; output: string };
}

export function stepInputRef(node: string, run: number, output: string): StepInputRef {
  return { $ref: { node, run, output } };
}

export function isStepInputRef(value: unknown): value is StepInputRef {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const ref = (value as { $ref?: unknown }).$ref;
  if (ref === null || typeof ref !== 'object') return false;
  const { node, run, output } = ref as Record<string, unknown>;
  return typeof node === 'string' && typeof run === 'number' && typeof output === 'string';
}

/**
 * Replaces input references of one execution's steps (as read back from storage) with the items
 * they point at, in place. A reference whose step or output is gone (never expected: both rows
 * belong to the same execution) becomes an empty list and marks the step truncated.
 */
export function resolveStepInputs(steps: StepRecord[]): StepRecord[] {
  const runs = new Map<string, StepRecord>();
  for (const step of steps) runs.set(`${step.nodeId}\u0000${step.runIndex}`, step);
  for (const step of steps) {
    if (!step.input?.some(isStepInputRef)) continue;
    step.input = step.input.map((list: Item[] | StepInputRef): Item[] => {
      if (!isStepInputRef(list)) return list;
      const { node, run, output } = list.$ref;
      const items = runs.get(`${node}\u0000${run}`)?.output?.[output];
      if (items) return items;
      step.truncated = true;
      return [];
    });
  }
  return steps;
}
