import { randomBytes } from 'node:crypto';
import type { FakeRouter } from '../shared/index.js';
import { SquareFakeError, badRequest, missing, moneyOf, must } from './errors.js';
import { limitOf, page } from './paging.js';
import type { SquareRoute } from './square-route.js';
import { nowIso, type Money, type SquareFakeState, type SquareObject } from './state.js';

function timeFilter(list: SquareObject[], query: URLSearchParams): SquareObject[] {
  const begin = query.get('begin_time');
  const end = query.get('end_time');
  const location = query.get('location_id');
  return list.filter(
    (o) =>
      (!begin || (o.created_at as string) >= begin) &&
      (!end || (o.created_at as string) < end) &&
      (!location || o.location_id === location),
  );
}

const sorted = (list: SquareObject[], order: string | null) =>
  [...list].sort(
    (a, b) => (order === 'ASC' ? 1 : -1) * String(a.created_at).localeCompare(String(b.created_at)),
  );

export function paymentRoutes(router: FakeRouter, route: SquareRoute, state: SquareFakeState): void {
  router.on(
    'GET',
    '/v2/payments',
    route(({ query }) => {
      const all = sorted(timeFilter(state.payments, query), query.get('sort_order'));
      const result = page(all, {
        cursor: query.get('cursor'),
        limit: limitOf(query.get('limit'), { max: 100, fallback: 100 }),
        scope: `payments:${query.get('location_id')}:${query.get('begin_time')}:${query.get('end_time')}`,
      });
      return {
        ...(result.items.length ? { payments: result.items } : {}),
        ...(result.cursor ? { cursor: result.cursor } : {}),
      };
    }),
  );
  router.on(
    'GET',
    '/v2/payments/:id',
    route(({ params }) => ({
      payment: must(
        state.payments.find((p) => p.id === params.id),
        'payment',
        params.id as string,
      ),
    })),
  );

  router.on(
    'POST',
    '/v2/refunds',
    route(({ body }) => {
      if (typeof body.idempotency_key !== 'string' || body.idempotency_key === '')
        throw missing('idempotency_key');
      if (body.idempotency_key.length > 45)
        throw badRequest('VALUE_TOO_LONG', 'Must be at most 45 characters', 'idempotency_key');
      if (typeof body.payment_id !== 'string') throw missing('payment_id');
      const amount = moneyOf(body.amount_money, 'amount_money');
      if (amount.amount <= 0)
        throw badRequest('VALUE_TOO_LOW', 'Must be greater than 0', 'amount_money.amount');
      const payment = must(
        state.payments.find((p) => p.id === body.payment_id),
        'payment',
        body.payment_id,
      );
      const paid = payment.amount_money as Money;
      if (amount.currency !== paid.currency)
        throw badRequest(
          'CURRENCY_MISMATCH',
          `The refund currency must be ${paid.currency}`,
          'amount_money.currency',
        );
      const refunded = (payment.refunded_money as Money | undefined)?.amount ?? 0;
      if (amount.amount > paid.amount - refunded) {
        throw new SquareFakeError(400, [
          {
            category: 'REFUND_ERROR',
            code: 'REFUND_AMOUNT_INVALID',
            detail: `The requested refund amount exceeds the amount available to refund (${paid.amount - refunded}).`,
            field: 'amount_money.amount',
          },
        ]);
      }
      const at = nowIso();
      const refund: SquareObject = {
        id: `${payment.id}_${randomBytes(10).toString('hex')}`,
        status: 'PENDING',
        amount_money: amount,
        payment_id: payment.id,
        order_id: payment.order_id,
        location_id: payment.location_id,
        ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
        created_at: at,
        updated_at: at,
      };
      state.refunds.push(refund);
      payment.refunded_money = { amount: refunded + amount.amount, currency: paid.currency };
      payment.refund_ids = [...((payment.refund_ids as string[] | undefined) ?? []), refund.id];
      payment.updated_at = at;
      return { refund };
    }),
  );
  router.on(
    'GET',
    '/v2/refunds/:id',
    route(({ params }) => ({
      refund: must(
        state.refunds.find((r) => r.id === params.id),
        'refund',
        params.id as string,
      ),
    })),
  );
  router.on(
    'GET',
    '/v2/refunds',
    route(({ query }) => {
      const status = query.get('status');
      const all = sorted(timeFilter(state.refunds, query), query.get('sort_order')).filter(
        (r) => !status || r.status === status,
      );
      const result = page(all, {
        cursor: query.get('cursor'),
        limit: limitOf(query.get('limit'), { max: 100, fallback: 100 }),
        scope: `refunds:${query.get('location_id')}:${status}`,
      });
      return {
        ...(result.items.length ? { refunds: result.items } : {}),
        ...(result.cursor ? { cursor: result.cursor } : {}),
      };
    }),
  );
}
