import { randomBytes } from 'node:crypto';
import type { FakeRouter } from '../shared/index.js';
import { badRequest, decimal, missing, moneyOf, qty } from './errors.js';
import { limitOf, page } from './paging.js';
import type { SquareRoute } from './square-route.js';
import { nowIso, variationOf, type SquareFakeState, type SquareObject } from './state.js';

export function orderRoutes(router: FakeRouter, route: SquareRoute, state: SquareFakeState): void {
  router.on(
    'POST',
    '/v2/orders',
    route(({ body }) => {
      const order = body.order as Record<string, unknown> | undefined;
      if (!order) throw missing('order');
      const locationId = order.location_id;
      if (typeof locationId !== 'string') throw missing('order.location_id');
      if (!state.locations.some((l) => l.id === locationId))
        throw badRequest('NOT_FOUND', `Location \`${locationId}\` not found.`, 'order.location_id');
      const lines = (order.line_items as Record<string, unknown>[] | undefined) ?? [];
      const at = nowIso();
      let currency = 'USD';
      const lineItems = lines.map((line, i) => {
        const field = `order.line_items[${i}]`;
        const quantity = decimal(line.quantity, `${field}.quantity`);
        if (quantity <= 0)
          throw badRequest('INVALID_VALUE', 'Quantity must be positive', `${field}.quantity`);
        let name = line.name as string | undefined;
        let base: { amount: number; currency: string };
        if (typeof line.catalog_object_id === 'string') {
          const variation = variationOf(state, line.catalog_object_id);
          if (!variation)
            throw badRequest(
              'NOT_FOUND',
              `Item variation \`${line.catalog_object_id}\` not found.`,
              `${field}.catalog_object_id`,
            );
          const data = variation.item_variation_data as {
            item_id: string;
            name: string;
            price_money: { amount: number; currency: string };
          };
          const item = state.catalog.find((o) => o.id === data.item_id);
          name = (item?.item_data as { name?: string } | undefined)?.name ?? data.name;
          base = data.price_money;
        } else {
          if (!name) throw missing(`${field}.name`);
          base = moneyOf(line.base_price_money, `${field}.base_price_money`);
        }
        currency = base.currency;
        const total = Math.round(base.amount * quantity);
        return {
          uid: randomBytes(8).toString('hex'),
          ...line,
          name,
          quantity: qty(quantity),
          base_price_money: base,
          gross_sales_money: { amount: total, currency: base.currency },
          total_money: { amount: total, currency: base.currency },
        };
      });
      const total = lineItems.reduce((sum, l) => sum + l.total_money.amount, 0);
      const created: SquareObject = {
        id: randomBytes(14).toString('base64url').replace(/[-_]/g, 'x'),
        ...order,
        location_id: locationId,
        line_items: lineItems,
        state: (order.state as string | undefined) ?? 'OPEN',
        version: 1,
        total_money: { amount: total, currency },
        net_amount_due_money: { amount: total, currency },
        source: { name: 'Shopwire' },
        created_at: at,
        updated_at: at,
      };
      state.orders.push(created);
      return { order: created };
    }),
  );

  router.on(
    'POST',
    '/v2/orders/search',
    route(({ body }) => {
      const locationIds = body.location_ids;
      if (!Array.isArray(locationIds) || locationIds.length === 0) throw missing('location_ids');
      if (locationIds.length > 10)
        throw badRequest('INVALID_ARRAY_LENGTH', 'At most 10 location_ids', 'location_ids');
      const limit = limitOf(body.limit, { max: 1000, fallback: 500 });
      const query = (body.query as Record<string, unknown> | undefined) ?? {};
      const filter = (query.filter as Record<string, Record<string, unknown>> | undefined) ?? {};
      const states = filter.state_filter?.states as string[] | undefined;
      const customers = filter.customer_filter?.customer_ids as string[] | undefined;
      const created =
        (filter.date_time_filter?.created_at as { start_at?: string; end_at?: string } | undefined) ?? {};
      const sort = (query.sort as { sort_field?: string; sort_order?: string } | undefined) ?? {};
      const sortField = (sort.sort_field ?? 'CREATED_AT').toLowerCase();
      const direction = sort.sort_order === 'ASC' ? 1 : -1;
      const all = state.orders
        .filter(
          (o) =>
            locationIds.includes(o.location_id) &&
            (!states || states.includes(o.state as string)) &&
            (!customers || customers.includes(o.customer_id as string)) &&
            (!created.start_at || (o.created_at as string) >= created.start_at) &&
            (!created.end_at || (o.created_at as string) < created.end_at),
        )
        .sort((a, b) => direction * String(a[sortField] ?? '').localeCompare(String(b[sortField] ?? '')));
      const result = page(all, {
        cursor: body.cursor,
        limit,
        scope: `orders:${JSON.stringify([locationIds, query])}`,
      });
      if (body.return_entries)
        return {
          order_entries: result.items.map((o) => ({
            order_id: o.id,
            location_id: o.location_id,
            version: o.version,
          })),
          ...(result.cursor ? { cursor: result.cursor } : {}),
        };
      return { orders: result.items, ...(result.cursor ? { cursor: result.cursor } : {}) };
    }),
  );

  router.on(
    'GET',
    '/v2/orders/:id',
    route(({ params }) => {
      const order = state.orders.find((o) => o.id === params.id);
      if (!order) throw badRequest('NOT_FOUND', `Order \`${params.id}\` not found.`);
      return { order };
    }),
  );
}
