import { defineNode, isJsonObject, z } from '@shopwire/sdk';
import variation from '../fixtures/catalog-variation.json' with { type: 'json' };
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  sku: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .meta({ title: 'SKU', ui: { placeholder: 'SW-CAN-001' } }),
  includeItem: z
    .boolean()
    .default(true)
    .meta({ title: 'Include the parent item', description: 'Adds `item` to each variation' }),
});

interface CatalogObject {
  id: string;
  type: string;
  item_variation_data?: { item_id?: string };
  [key: string]: unknown;
}

export const searchCatalogBySku = defineNode({
  type: 'square.searchCatalogBySku',
  version: 1,
  displayName: 'Square: Find Variation by SKU',
  description: 'Finds the item variation(s) with an exact SKU; outputs nothing when none matches.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: variation }],
  run: (ctx) =>
    runPerItem(ctx, async ({ params: p, client }) => {
      const res = await client.request<{ objects?: CatalogObject[]; related_objects?: CatalogObject[] }>({
        method: 'POST',
        path: '/catalog/search',
        json: {
          object_types: ['ITEM_VARIATION'],
          query: { exact_query: { attribute_name: 'sku', attribute_value: p.sku } },
          include_related_objects: p.includeItem,
        },
      });
      const related = new Map((res.related_objects ?? []).map((o) => [o.id, o]));
      return (res.objects ?? []).map((o) => {
        const item = related.get(o.item_variation_data?.item_id ?? '');
        return p.includeItem && isJsonObject(item) ? { ...o, item } : o;
      });
    }),
});
