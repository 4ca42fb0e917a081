import { describe, expect, it } from 'vitest';
import type { Item } from '@shopwire/sdk';
import { DataBudget, StepEncoder, cutInputs, cutOutputs, utf8Length } from './data-cap.js';

describe('utf8Length', () => {
  it('counts UTF-8 bytes for ASCII and non-ASCII text', () => {
    for (const text of ['', 'plain ascii {"a":1}', 'café', '€ and 😀', 'x'.repeat(10_000) + 'ü']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('StepEncoder', () => {
  it('produces exactly JSON.stringify text and reuses an output list recorded as a later input', () => {
    const encoder = new StepEncoder();
    const list: Item[] = [{ json: { a: 1, s: 'é"' } }];
    const output = { main: list, 'odd "name"': [] as Item[] };
    expect(encoder.outputs(output)).toBe(JSON.stringify(output));
    list.push({ json: { b: 2 } }); // changed after it was recorded: the input keeps the recorded text
    expect(encoder.inputs([list, []])).toBe(JSON.stringify([[{ json: { a: 1, s: 'é"' } }], []]));
    expect(encoder.outputs({ main: list })).toBe(JSON.stringify({ main: list }));
    expect(encoder.inputs([[{ json: { fresh: true } }]])).toBe('[[{"json":{"fresh":true}}]]');
  });

  it('measures the budget from the text it stores', () => {
    const budget = new DataBudget(40);
    const small = budget.fit([[{ json: { a: 1 } }]], cutInputs);
    expect(small).toMatchObject({ truncated: false, json: '[[{"json":{"a":1}}]]' });
    expect(budget.used).toBe(small.json.length);
    const big = budget.fit({ main: [{ json: { text: 'x'.repeat(100) } }] }, cutOutputs);
    expect(big.truncated).toBe(true);
    expect(JSON.parse(big.json)).toEqual(big.data);
  });
});
