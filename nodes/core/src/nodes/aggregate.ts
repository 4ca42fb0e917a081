import { defineNode, z } from '@shopwire/sdk';
import type { Item, JsonObject, JsonValue } from '@shopwire/sdk';
import { stableStringify, toJsonValue } from '../lib/convert.js';
import { getPath } from '../lib/dot-path.js';
import { AGGREGATE_OPS, aggregate } from '../lib/summarize.js';

const params = z.object({
  mode: z
    .enum(['summarize', 'collect'])
    .default('summarize')
    .meta({ title: 'Mode', description: 'summarize: totals per group; collect: gather values into a list' }),
  groupBy: z
    .array(z.string().min(1).max(500))
    .default([])
    .meta({ title: 'Group by fields', description: 'Empty: one result for all items' }),
  aggregations: z
    .array(
      z.object({
        field: z
          .string()
          .max(500)
          .default('')
          .meta({ title: 'Field', description: 'Dot path; empty with count counts items' }),
        op: z.enum(AGGREGATE_OPS).meta({ title: 'Operation' }),
        as: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .meta({ title: 'Output field', description: 'Default: <op>_<field>' }),
        separator: z
          .string()
          .max(20)
          .optional()
          .meta({ title: 'Separator (concat)', description: 'Default ", "' }),
      }),
    )
    .default([])
    .meta({ title: 'Aggregations' }),
  collectField: z
    .string()
    .max(500)
    .optional()
    .meta({ title: 'Field to collect', description: 'Empty: collect whole items' }),
  into: z.string().min(1).max(200).default('items').meta({ title: 'Put the list in' }),
});

export const aggregateNode = defineNode({
  type: 'core.aggregate',
  version: 1,
  displayName: 'Summarize',
  description:
    'Totals per group (sum, count, average, min, max, …), like a pivot table; or collects a field of all items into one list.',
  kind: 'transform',
  group: 'Transform',
  icon: 'sigma',
  params,
  sampleOutput: [{ json: { customer: 'ada@example.com', sum_total: 120.5, count: 3 } }],
  run: async (ctx) => {
    const p = ctx.params;
    // groups in first-seen order
    const groups = new Map<string, { keys: JsonValue[]; members: { item: Item; index: number }[] }>();
    ctx.items.forEach((item, index) => {
      const keys = p.groupBy.map((field) => toJsonValue(getPath(item.json, field)));
      const id = stableStringify(keys);
      const group = groups.get(id) ?? { keys, members: [] };
      group.members.push({ item, index });
      groups.set(id, group);
    });
    if (groups.size === 0 && p.groupBy.length === 0) groups.set('[]', { keys: [], members: [] });

    return [...groups.values()].map(({ keys, members }) => {
      const json: JsonObject = {};
      p.groupBy.forEach((field, k) => (json[field] = keys[k] ?? null));
      if (p.mode === 'collect') {
        json[p.into] = members.map(({ item }) =>
          p.collectField ? toJsonValue(getPath(item.json, p.collectField)) : item.json,
        );
        return { json };
      }
      for (const agg of p.aggregations) {
        const values = members.map(({ item, index }) => ({
          value: agg.field ? getPath(item.json, agg.field) : true,
          itemIndex: index,
        }));
        const name = agg.as ?? (agg.field ? `${agg.op}_${agg.field}` : agg.op);
        json[name] = aggregate({
          op: agg.op,
          field: agg.field,
          values,
          ...(agg.separator === undefined ? {} : { separator: agg.separator }),
        });
      }
      return { json };
    });
  },
});
