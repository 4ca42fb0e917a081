import { describe, expect, it } from 'vitest';
import type { StepRecord } from './execution-types.js';
import type { Item } from './items.js';
import {
  START_ITEMS_REF,
  isStepListRef,
  refersToStartItems,
  resolveStepRefs,
  stepListRef,
} from './step-list-refs.js';

const lines: Item[] = [{ json: { sku: 'A' } }, { json: { sku: 'B' } }];
const step = (nodeId: string, over: Partial<StepRecord>): StepRecord => ({
  executionId: 'e',
  nodeId,
  nodeName: nodeId,
  runIndex: 0,
  status: 'success',
  startedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
/** what JSON.parse gives back for a stored reference (typed as items, like a parsed column) */
const ref = (node: string, run = 0, output = 'main') => stepListRef(node, run, output) as unknown as Item[];

describe('step list references', () => {
  it('recognises only well-formed references', () => {
    expect(isStepListRef(stepListRef('a', 0, 'main'))).toBe(true);
    for (const value of [null, [], lines, { $ref: 'a' }, { $ref: { node: 'a', run: '0', output: 'main' } }])
      expect(isStepListRef(value)).toBe(false);
  });

  it('resolves inputs and outputs to the stored items, including inputs that point at a passed-on output', () => {
    const steps = resolveStepRefs([
      step('a', { input: [ref('a')], output: { main: lines } }),
      step('pass', { input: [ref('a')], output: { main: ref('a') } }),
      step('next', { input: [ref('pass'), []], output: { main: [] }, runIndex: 1 }),
    ]);
    expect(steps.map((s) => [s.input, s.output, s.truncated])).toEqual([
      [[lines], { main: lines }, undefined],
      [[lines], { main: lines }, undefined],
      [[lines, []], { main: [] }, undefined],
    ]);
  });

  it('turns a dangling or chained reference into an empty, truncated list', () => {
    const steps = resolveStepRefs([
      step('a', { output: { main: lines } }),
      step('pass', { output: { main: ref('a') } }),
      step('chained', { output: { main: ref('pass') } }),
      step('dangling', { input: [ref('gone')] }),
      step('wrong-run', { input: [ref('a', 3)] }),
      step('wrong-output', { input: [ref('a', 0, 'true')] }),
    ]);
    expect(steps.map((s) => [s.nodeId, s.output?.['main'] ?? s.input?.[0], s.truncated])).toEqual([
      ['a', lines, undefined],
      ['pass', lines, undefined],
      ['chained', [], true],
      ['dangling', [], true],
      ['wrong-run', [], true],
      ['wrong-output', [], true],
    ]);
  });

  it('resolves references to the start items with the items the store gives', () => {
    const start = START_ITEMS_REF as unknown as Item[];
    const steps = [step('hook', { input: [start], output: { main: start } }), step('a', { input: [start] })];
    expect(refersToStartItems(steps)).toBe(true);
    expect(refersToStartItems([step('a', { input: [lines], output: { main: ref('a') } })])).toBe(false);
    resolveStepRefs(steps, lines);
    expect(steps.map((s) => [s.input, s.output, s.truncated])).toEqual([
      [[lines], { main: lines }, undefined],
      [[lines], undefined, undefined],
    ]);
    // without them (never expected): empty and truncated
    const orphan = resolveStepRefs([step('hook', { input: [START_ITEMS_REF as unknown as Item[]] })]);
    expect(orphan[0]).toMatchObject({ input: [[]], truncated: true });
  });
});
