import { randomUUID } from 'node:crypto';
import type { FakeRouter } from '../shared/index.js';
import { badRequest, decimal, missing, qty } from './errors.js';
import { limitOf, page } from './paging.js';
import type { SquareRoute } from './square-route.js';
import { countKey, nowIso, variationOf, type SquareFakeState, type SquareObject } from './state.js';

const STATES = new Set([
  'NONE',
  'IN_STOCK',
  'SOLD',
  'RETURNED_BY_CUSTOMER',
  'RESERVED_FOR_SALE',
  'SOLD_ONLINE',
  'ORDERED_FROM_VENDOR',
  'RECEIVED_FROM_VENDOR',
  'IN_TRANSIT_TO',
  'WASTE',
  'UNLINKED_RETURN',
  'COMPOSED',
  'DECOMPOSED',
  'IN_TRANSIT',
]);

export function countObject(key: string, entry: { quantity: number; calculatedAt: string }): SquareObject {
  const [catalogObjectId, locationId, state] = key.split('|') as [string, string, string];
  return {
    id: key,
    catalog_object_id: catalogObjectId,
    catalog_object_type: 'ITEM_VARIATION',
    state,
    location_id: locationId,
    quantity: qty(entry.quantity),
    calculated_at: entry.calculatedAt,
  };
}

const strip = ({ id: _id, ...rest }: SquareObject) => rest;

export function inventoryRoutes(router: FakeRouter, route: SquareRoute, state: SquareFakeState): void {
  router.on(
    'POST',
    '/v2/inventory/counts/batch-retrieve',
    route(({ body }) => {
      const ids = body.catalog_object_ids as string[] | undefined;
      const locations = body.location_ids as string[] | undefined;
      const states = body.states as string[] | undefined;
      const updatedAfter =
        typeof body.updated_after === 'string' ? Date.parse(body.updated_after) : undefined;
      const limit = limitOf(body.limit, { max: 1000, fallback: 1000 });
      const all = [...state.inventory.entries()]
        .map(([key, entry]) => countObject(key, entry))
        .filter(
          (c) =>
            (!ids || ids.includes(c.catalog_object_id as string)) &&
            (!locations || locations.includes(c.location_id as string)) &&
            (states ? states.includes(c.state as string) : c.state === 'IN_STOCK' || c.quantity !== '0') &&
            (updatedAfter === undefined || Date.parse(c.calculated_at as string) > updatedAfter),
        );
      const result = page(all, {
        cursor: body.cursor,
        limit,
        scope: `counts:${JSON.stringify([ids, locations, states])}`,
      });
      return { counts: result.items.map(strip), ...(result.cursor ? { cursor: result.cursor } : {}) };
    }),
  );

  router.on(
    'POST',
    '/v2/inventory/changes/batch-create',
    route(({ body }) => {
      if (typeof body.idempotency_key !== 'string' || body.idempotency_key === '')
        throw missing('idempotency_key');
      const changes = body.changes;
      if (!Array.isArray(changes) || changes.length === 0) throw missing('changes');
      if (changes.length > 100)
        throw badRequest('INVALID_ARRAY_LENGTH', 'At most 100 changes per request', 'changes');
      // validate everything first: a batch applies all or nothing
      const planned = changes.map((raw, i) => plan(state, raw as Record<string, unknown>, `changes[${i}]`));
      const touched = new Set<string>();
      const at = nowIso();
      for (const p of planned) {
        for (const [key, delta, absolute] of p.effects) {
          const entry = state.inventory.get(key) ?? { quantity: 0, calculatedAt: at };
          entry.quantity = absolute ? delta : entry.quantity + delta;
          entry.calculatedAt = at;
          state.inventory.set(key, entry);
          touched.add(key);
        }
        state.inventoryChanges.push({ id: randomUUID(), ...p.change, created_at: at });
      }
      return {
        counts: [...touched].map((key) => strip(countObject(key, state.inventory.get(key)!))),
        changes: planned.map((p) => p.change),
      };
    }),
  );
}

/** One change → the count updates it makes: [key, delta | value, isAbsolute]. */
function plan(
  state: SquareFakeState,
  raw: Record<string, unknown>,
  at: string,
): { change: Record<string, unknown>; effects: [string, number, boolean][] } {
  const type = raw.type;
  const part =
    type === 'ADJUSTMENT' ? 'adjustment' : type === 'PHYSICAL_COUNT' ? 'physical_count' : undefined;
  if (!part)
    throw badRequest('INVALID_ENUM_VALUE', 'Expected ADJUSTMENT, PHYSICAL_COUNT or TRANSFER', `${at}.type`);
  const data = raw[part] as Record<string, unknown> | undefined;
  if (!data) throw missing(`${at}.${part}`);
  const field = (name: string) => `${at}.${part}.${name}`;
  const objectId = data.catalog_object_id;
  if (typeof objectId !== 'string') throw missing(field('catalog_object_id'));
  if (!variationOf(state, objectId))
    throw badRequest(
      'INVALID_VALUE',
      `Catalog object \`${objectId}\` is not an item variation.`,
      field('catalog_object_id'),
    );
  const locationId = data.location_id;
  if (typeof locationId !== 'string') throw missing(field('location_id'));
  if (!state.locations.some((l) => l.id === locationId))
    throw badRequest('INVALID_VALUE', `Location \`${locationId}\` not found.`, field('location_id'));
  const quantity = decimal(data.quantity, field('quantity'));
  if (quantity < 0) throw badRequest('INVALID_VALUE', 'Quantity must not be negative', field('quantity'));
  const change = {
    type,
    [part]: { id: randomUUID(), ...data, quantity: qty(quantity), created_at: nowIso() },
  };
  if (part === 'physical_count') {
    const s = data.state;
    if (typeof s !== 'string' || !STATES.has(s))
      throw badRequest('INVALID_ENUM_VALUE', 'Invalid state', field('state'));
    return { change, effects: [[countKey(objectId, locationId, s), quantity, true]] };
  }
  const from = data.from_state;
  const to = data.to_state;
  if (typeof from !== 'string' || !STATES.has(from))
    throw badRequest('INVALID_ENUM_VALUE', 'Invalid from_state', field('from_state'));
  if (typeof to !== 'string' || !STATES.has(to))
    throw badRequest('INVALID_ENUM_VALUE', 'Invalid to_state', field('to_state'));
  if (from === to)
    throw badRequest('INVALID_VALUE', 'from_state and to_state must differ', field('to_state'));
  const effects: [string, number, boolean][] = [];
  if (from !== 'NONE') effects.push([countKey(objectId, locationId, from), -quantity, false]);
  if (to !== 'NONE') effects.push([countKey(objectId, locationId, to), quantity, false]);
  return { change, effects };
}
