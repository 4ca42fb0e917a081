import { defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { stableStringify } from '../lib/convert.js';
import { getPath } from '../lib/dot-path.js';

export const removeDuplicates = defineNode({
  type: 'core.removeDuplicates',
  version: 1,
  displayName: 'Remove duplicates',
  description:
    'Drops items that repeat an earlier item, compared on the given fields (or the whole item). The first one is kept.',
  kind: 'transform',
  group: 'Transform',
  icon: 'copy-x',
  params: z.object({
    fields: z
      .array(z.string().min(1).max(500))
      .default([])
      .meta({ title: 'Compare fields', description: 'Empty: compare whole items' }),
  }),
  run: async (ctx) => {
    const { fields } = ctx.params;
    const seen = new Set<string>();
    const out: Item[] = [];
    ctx.items.forEach((item, index) => {
      const key = stableStringify(
        fields.length ? fields.map((field) => getPath(item.json, field) ?? null) : item.json,
      );
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ ...item, pairedItem: index });
    });
    return out;
  },
});
