import type { Item, OutputItems } from './items.js';
import type { StepRecord } from './execution-types.js';

/**
 * How stored step data points at data stored once already. Item lists flow between nodes by
 * reference: a node's input list is nearly always the very list an earlier node output, and a
 * node that passes items on unchanged (Respond, No-op, a trigger) outputs the list it was given.
 * So in `StepJson` text such a list is written as `{"$ref":{"node":ID,"run":N,"output":NAME}}`
 * instead of the items again: a 10,000-line order passing through three nodes is stored once
 * per node that changed it, not once per input and output. The engine writes a reference only to
 * an output stored whole (never one cut to the data cap) and stored as items (never to another
 * reference); a store resolves references with `resolveStepRefs` before it hands steps out.
 * The execution's start items, which a store keeps with every execution anyway (replays start
 * from them), are `{"$ref":{"start":true}}`: a trigger's input and output, and whatever takes
 * them unchanged. Items are shared this way because nodes never change the items they are given.
 */
export type StepListRef = { $ref: { node: string; run: number; output: string } } | { $ref: { start: true } };

export function stepListRef(node: string, run: number, output: string): StepListRef {
  return { $ref: { node, run, output } };
}

export const START_ITEMS_REF: StepListRef = { $ref: { start: true } };

export function isStepListRef(value: unknown): value is StepListRef {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const ref = (value as { $ref?: unknown }).$ref;
  if (ref === null || typeof ref !== 'object') return false;
  const { node, run, output, start } = ref as Record<string, unknown>;
  if (start === true) return true;
  return typeof node === 'string' && typeof run === 'number' && typeof output === 'string';
}

function isStartRef(ref: StepListRef): ref is { $ref: { start: true } } {
  return 'start' in ref.$ref;
}

/** whether any step points at the start items (the store then reads them for resolveStepRefs) */
export function refersToStartItems(steps: readonly StepRecord[]): boolean {
  const lists = (step: StepRecord): unknown[] => [...(step.input ?? []), ...Object.values(step.output ?? {})];
  return steps.some((step) => lists(step).some((list) => isStepListRef(list) && isStartRef(list)));
}

/**
 * Replaces the references in one execution's steps (as read back from storage) with the items
 * they point at, in place; `startItems` are the execution's start items. A reference whose step,
 * output or start items are missing, or an output reference to another output reference (none
 * is ever written), becomes an empty list and marks its step truncated.
 */
export function resolveStepRefs(steps: StepRecord[], startItems?: Item[]): StepRecord[] {
  const stored = new Map<string, OutputItems>();
  for (const step of steps) if (step.output) stored.set(`${step.nodeId}\u0000${step.runIndex}`, step.output);
  const target = (step: StepRecord, ref: StepListRef): Item[] => {
    const items = isStartRef(ref)
      ? startItems
      : stored.get(`${ref.$ref.node}\u0000${ref.$ref.run}`)?.[ref.$ref.output];
    if (Array.isArray(items)) return items;
    step.truncated = true;
    return [];
  };
  const outputs = new Map<StepRecord, OutputItems>();
  for (const step of steps) {
    const output = step.output;
    if (!output || !Object.values(output).some(isStepListRef)) continue;
    const resolved: OutputItems = {};
    for (const [name, list] of Object.entries(output) as [string, Item[] | StepListRef][])
      resolved[name] = isStepListRef(list) ? target(step, list) : list;
    outputs.set(step, resolved);
  }
  // outputs are swapped in after all were looked up, so one output never leads to another
  // reference; inputs may point at any output
  for (const [step, output] of outputs) {
    step.output = output;
    stored.set(`${step.nodeId}\u0000${step.runIndex}`, output);
  }
  for (const step of steps) {
    if (!step.input?.some(isStepListRef)) continue;
    step.input = step.input.map((list: Item[] | StepListRef): Item[] =>
      isStepListRef(list) ? target(step, list) : list,
    );
  }
  return steps;
}
