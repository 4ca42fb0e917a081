import { defineNode, z } from '@shopwire/sdk';
import variation from '../fixtures/catalog-variation.json' with { type: 'json' };
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  types: z
    .array(z.enum(['ITEM', 'ITEM_VARIATION', 'CATEGORY', 'TAX', 'DISCOUNT', 'MODIFIER_LIST', 'IMAGE']))
    .min(1)
    .default(['ITEM', 'ITEM_VARIATION'])
    .meta({ title: 'Object types' }),
  returnAll: z.boolean().default(true).meta({ title: 'Return all', description: 'Follow every cursor' }),
  limit: z.number().int().min(1).max(100_000).default(1000).meta({ title: 'Limit' }),
});

export const listCatalog = defineNode({
  type: 'square.listCatalog',
  version: 1,
  displayName: 'Square: List Catalog',
  description:
    'Lists catalog objects (items and their variations with SKU, price, inventory alert); one item each.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: variation }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.paginate(async (cursor) => {
        const res = await client.request<{ objects?: unknown[]; cursor?: string }>({
          method: 'GET',
          path: '/catalog/list',
          query: { types: p.types.join(','), cursor },
        });
        return { items: res.objects, cursor: res.cursor };
      }, p),
    ),
});
