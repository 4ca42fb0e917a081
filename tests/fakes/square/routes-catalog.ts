import type { FakeRouter } from '../shared/index.js';
import { badRequest } from './errors.js';
import { limitOf, page } from './paging.js';
import type { SquareCall, SquareRoute } from './square-route.js';
import type { SquareFakeState, SquareObject } from './state.js';

const TYPES = new Set(['ITEM', 'ITEM_VARIATION', 'CATEGORY', 'TAX', 'DISCOUNT', 'MODIFIER_LIST', 'IMAGE']);

/** Attribute lookups used by exact / set / prefix queries (sku, name). */
function attribute(object: SquareObject, name: string): string | undefined {
  const data = (object.item_variation_data ?? object.item_data) as Record<string, unknown> | undefined;
  const value = data?.[name];
  return typeof value === 'string' ? value : undefined;
}

function matches(object: SquareObject, query: Record<string, unknown> | undefined): boolean {
  if (!query) return true;
  const exact = query.exact_query as { attribute_name?: string; attribute_value?: string } | undefined;
  if (exact) return attribute(object, exact.attribute_name ?? '') === exact.attribute_value;
  const set = query.set_query as { attribute_name?: string; attribute_values?: string[] } | undefined;
  if (set)
    return (set.attribute_values ?? []).includes(attribute(object, set.attribute_name ?? '') ?? '\u0000');
  const prefix = query.prefix_query as { attribute_name?: string; attribute_prefix?: string } | undefined;
  if (prefix)
    return (attribute(object, prefix.attribute_name ?? '') ?? '')
      .toLowerCase()
      .startsWith((prefix.attribute_prefix ?? '').toLowerCase());
  return true;
}

export function catalogRoutes(
  router: FakeRouter,
  route: SquareRoute,
  state: SquareFakeState,
  options: { catalogPageSize: number },
): void {
  router.on(
    'GET',
    '/v2/locations',
    route(() => ({ locations: state.locations })),
  );

  router.on(
    'GET',
    '/v2/catalog/list',
    route(({ query }: SquareCall) => {
      const types = (query.get('types') ?? 'ITEM,ITEM_VARIATION,CATEGORY,TAX,DISCOUNT,MODIFIER_LIST,IMAGE')
        .split(',')
        .map((t) => t.trim().toUpperCase());
      const bad = types.find((t) => !TYPES.has(t));
      if (bad) throw badRequest('INVALID_ENUM_VALUE', `Unknown catalog object type ${bad}`, 'types');
      const all = state.catalog.filter((o) => types.includes(o.type as string) && !o.is_deleted);
      const result = page(all, {
        cursor: query.get('cursor'),
        limit: options.catalogPageSize,
        scope: `catalog:${types.join(',')}`,
      });
      return { objects: result.items, ...(result.cursor ? { cursor: result.cursor } : {}) };
    }),
  );

  router.on(
    'POST',
    '/v2/catalog/search',
    route(({ body }: SquareCall) => {
      const types = (body.object_types as string[] | undefined) ?? [...TYPES];
      const all = state.catalog.filter(
        (o) =>
          types.includes(o.type as string) &&
          !o.is_deleted &&
          matches(o, body.query as Record<string, unknown> | undefined),
      );
      const limit = limitOf(body.limit, { max: 1000, fallback: 100 });
      const result = page(all, {
        cursor: body.cursor,
        limit,
        scope: `search:${JSON.stringify(body.query ?? null)}`,
      });
      const related = body.include_related_objects
        ? [
            ...new Set(
              result.items
                .map((o) => (o.item_variation_data as { item_id?: string } | undefined)?.item_id)
                .filter(Boolean),
            ),
          ]
            .map((id) => state.catalog.find((o) => o.id === id))
            .filter(Boolean)
        : [];
      return {
        ...(result.items.length ? { objects: result.items } : {}),
        ...(related.length ? { related_objects: related } : {}),
        ...(result.cursor ? { cursor: result.cursor } : {}),
      };
    }),
  );
}
