import { defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { combineSchema, conditionsSchema, evaluateConditions } from '../lib/conditions.js';

const ruleSchema = z.object({
  conditions: conditionsSchema,
  combine: combineSchema,
  output: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
    .optional()
    .meta({ title: 'Output name', description: 'Default: the rule number (0, 1, …)' }),
});

const params = z
  .object({
    rules: z.array(ruleSchema).max(50).default([]).meta({ title: 'Routing rules' }),
    fallback: z
      .enum(['none', 'extra'])
      .default('extra')
      .meta({ title: 'Unmatched items', description: 'none: drop them; extra: send them to "fallback"' }),
    allMatching: z
      .boolean()
      .default(false)
      .meta({ title: 'Send to every matching rule', description: 'Off: only the first matching rule' }),
  })
  .superRefine((p, ctx) => {
    const names = ruleOutputs(p.rules);
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i || (name === 'fallback' && p.fallback === 'extra')) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'output'],
          message: `output name "${name}" is used twice`,
        });
      }
    });
  });

function ruleOutputs(rules: { output?: string | undefined }[]): string[] {
  return rules.map((rule, i) => rule.output || String(i));
}

export const switchNode = defineNode({
  type: 'core.switch',
  version: 1,
  displayName: 'Switch',
  description:
    'Routes each item to the output of the first (or every) rule it matches; unmatched items go to "fallback" or are dropped.',
  kind: 'transform',
  group: 'Flow',
  icon: 'switch',
  params,
  outputs: (p) => [...ruleOutputs(p.rules), ...(p.fallback === 'extra' ? ['fallback'] : [])],
  run: async (ctx) => {
    const names = ruleOutputs(ctx.params.rules);
    const out: Record<string, Item[]> = Object.fromEntries(names.map((name) => [name, []]));
    if (ctx.params.fallback === 'extra') out.fallback = [];
    ctx.items.forEach((item, i) => {
      const p = ctx.itemParams[i] ?? ctx.params;
      let matched = false;
      for (const [r, rule] of p.rules.entries()) {
        if (
          !evaluateConditions({
            conditions: rule.conditions,
            combine: rule.combine,
            field: `rules.${r}.conditions`,
            itemIndex: i,
          })
        )
          continue;
        matched = true;
        out[names[r] ?? String(r)]?.push({ ...item, pairedItem: i });
        if (!p.allMatching) break;
      }
      if (!matched && out.fallback) out.fallback.push({ ...item, pairedItem: i });
    });
    return out;
  },
});
