import { describe, expect, it } from 'vitest';
import { nodeOutputs } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';
import { items, outputJson, runNode } from '@shopwire/testing';
import { switchNode } from './switch.js';

const input = items({ country: 'FR' }, { country: 'DE' }, { country: 'US' }, { country: 'FR' });
const rules = (country: unknown) => [
  { conditions: [{ left: country, operator: 'equals', right: 'FR' }], output: 'france' },
  { conditions: [{ left: country, operator: 'isNotEmpty' }] },
];

describe('core.switch', () => {
  it('names outputs after rules (or their index) plus fallback', () => {
    const def = switchNode as unknown as NodeDefinition;
    expect(nodeOutputs(def, switchNode.params.parse({ rules: rules('x') }))).toEqual([
      'france',
      '1',
      'fallback',
    ]);
    expect(nodeOutputs(def, switchNode.params.parse({ rules: rules('x'), fallback: 'none' }))).toEqual([
      'france',
      '1',
    ]);
  });

  it('sends each item to its first matching rule, unmatched to fallback', async () => {
    const result = await runNode({
      node: switchNode,
      items: input,
      itemParams: input.map(({ json }) => ({
        rules: [
          rules(json.country)[0],
          { conditions: [{ left: json.country, operator: 'equals', right: 'DE' }] },
        ],
      })),
    });
    expect(outputJson(result, 'france')).toEqual([{ country: 'FR' }, { country: 'FR' }]);
    expect(outputJson(result, '1')).toEqual([{ country: 'DE' }]);
    expect(outputJson(result, 'fallback')).toEqual([{ country: 'US' }]);
  });

  it('sends to every matching rule with allMatching, and drops unmatched with fallback none', async () => {
    const result = await runNode({
      node: switchNode,
      items: input,
      itemParams: input.map(({ json }) => ({
        allMatching: true,
        fallback: 'none',
        rules: rules(json.country),
      })),
    });
    expect(outputJson(result, 'france')).toHaveLength(2);
    expect(outputJson(result, '1')).toHaveLength(4);
    expect(result).not.toHaveProperty('fallback');
  });

  it('rejects duplicate output names', () => {
    const parsed = switchNode.params.safeParse({ rules: [{ output: 'a' }, { output: 'a' }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['rules', 1, 'output']);
  });
});
