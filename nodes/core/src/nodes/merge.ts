import { defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { stableStringify } from '../lib/convert.js';
import { getPath } from '../lib/dot-path.js';

const params = z.object({
  mode: z.enum(['append', 'combineByKey', 'combineByPosition', 'waitForAll']).default('append').meta({
    title: 'Mode',
    description:
      'append: all items of all inputs; combineByKey: join input 1 and 2 on a field; combineByPosition: merge the n-th items; waitForAll: wait for every input, output input 1',
  }),
  inputCount: z.number().int().min(2).max(10).default(2).meta({ title: 'Number of inputs' }),
  key1: z
    .string()
    .max(500)
    .optional()
    .meta({ title: 'Field in input 1', ui: { placeholder: 'customer.email' } }),
  key2: z
    .string()
    .max(500)
    .optional()
    .meta({ title: 'Field in input 2', description: 'Default: same as input 1' }),
  join: z.enum(['inner', 'left', 'outer']).default('inner').meta({
    title: 'Keep',
    description: 'inner: only matches; left: every item of input 1; outer: every item of both',
  }),
});
type Params = z.output<typeof params>;

const mergeJson = (...parts: (Item | undefined)[]): Item => ({
  json: Object.assign({}, ...parts.map((part) => part?.json ?? {})),
  binary: Object.assign({}, ...parts.map((part) => part?.binary ?? {})),
});

function byPosition(inputs: Item[][], join: Params['join']): Item[] {
  const lengths = inputs.map((list) => list.length);
  const count =
    join === 'inner' ? Math.min(...lengths) : join === 'left' ? (lengths[0] ?? 0) : Math.max(...lengths);
  return Array.from({ length: count }, (_, i) => ({
    ...mergeJson(...inputs.map((list) => list[i])),
    pairedItem: i,
  }));
}

function byKey(left: Item[], right: Item[], p: Params): Item[] {
  const key1 = p.key1 ?? '';
  const key2 = p.key2 || key1;
  // index input 2 by key; the key is compared as stable JSON so 1 and "1" differ only by type
  const index = new Map<string, number[]>();
  right.forEach((item, j) => {
    const value = getPath(item.json, key2);
    if (value === undefined || value === null) return;
    const key = stableStringify(value);
    index.set(key, [...(index.get(key) ?? []), j]);
  });
  const usedRight = new Set<number>();
  const out: Item[] = [];
  left.forEach((item, i) => {
    const value = getPath(item.json, key1);
    const matches = value === undefined || value === null ? [] : (index.get(stableStringify(value)) ?? []);
    for (const j of matches) {
      usedRight.add(j);
      out.push({ ...mergeJson(item, right[j]), pairedItem: i });
    }
    if (matches.length === 0 && p.join !== 'inner') out.push({ ...mergeJson(item), pairedItem: i });
  });
  if (p.join === 'outer') right.forEach((item, j) => usedRight.has(j) || out.push(mergeJson(item)));
  return out;
}

const withoutEmptyBinary = (items: Item[]): Item[] =>
  items.map((item) =>
    item.binary && Object.keys(item.binary).length === 0
      ? { json: item.json, ...(item.pairedItem === undefined ? {} : { pairedItem: item.pairedItem }) }
      : item,
  );

export const merge = defineNode({
  type: 'core.merge',
  version: 1,
  displayName: 'Merge',
  description:
    'Combines the items of several inputs: one after another, joined on a key field, or side by side by position.',
  kind: 'transform',
  group: 'Flow',
  icon: 'merge',
  params: params.superRefine((p, ctx) => {
    if (p.mode === 'combineByKey' && !p.key1)
      ctx.addIssue({ code: 'custom', path: ['key1'], message: 'required to combine by key' });
  }),
  inputs: (p) => p.inputCount,
  run: async (ctx) => {
    const p = ctx.params;
    const inputs = Array.from({ length: p.inputCount }, (_, i) => ctx.inputs[i] ?? []);
    switch (p.mode) {
      case 'append':
        return inputs.flat();
      case 'waitForAll':
        return inputs[0] ?? [];
      case 'combineByPosition':
        return withoutEmptyBinary(byPosition(inputs, p.join));
      case 'combineByKey':
        return withoutEmptyBinary(byKey(inputs[0] ?? [], inputs[1] ?? [], p));
    }
  },
});
