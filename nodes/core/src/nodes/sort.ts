import { defineNode, z } from '@shopwire/sdk';
import { compareValues, isNullish } from '../lib/convert.js';
import { getPath } from '../lib/dot-path.js';

export const sort = defineNode({
  type: 'core.sort',
  version: 1,
  displayName: 'Sort',
  description:
    'Sorts items by one or more fields (numbers, text and dates; empty values last). Equal items keep their order.',
  kind: 'transform',
  group: 'Transform',
  icon: 'sort',
  params: z.object({
    fields: z
      .array(
        z.object({
          field: z
            .string()
            .min(1)
            .max(500)
            .meta({ title: 'Field', ui: { placeholder: 'order.total' } }),
          order: z.enum(['asc', 'desc']).default('asc').meta({ title: 'Order' }),
        }),
      )
      .min(1)
      .meta({ title: 'Sort by' }),
  }),
  run: async (ctx) => {
    const { fields } = ctx.params;
    const keyed = ctx.items.map((item, index) => ({
      item,
      index,
      keys: fields.map(({ field }) => getPath(item.json, field)),
    }));
    keyed.sort((a, b) => {
      for (const [k, { order }] of fields.entries()) {
        const x = a.keys[k];
        const y = b.keys[k];
        if (isNullish(x) || isNullish(y)) {
          if (isNullish(x) && isNullish(y)) continue;
          return isNullish(x) ? 1 : -1; // empty values last in both orders
        }
        const c = compareValues(x, y);
        if (c !== 0) return order === 'asc' ? c : -c;
      }
      return a.index - b.index;
    });
    return keyed.map(({ item, index }) => ({ ...item, pairedItem: index }));
  },
});
