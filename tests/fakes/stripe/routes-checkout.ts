import type { FakeRouter } from '../shared/index.js';
import { invalidParam, missingParam, must, noSuch } from './errors.js';
import type { FormValue } from './form.js';
import { paginate } from './list.js';
import { mergeMetadata } from './routes-customers.js';
import { succeedPaymentIntent } from './routes-payments.js';
import { find, newId, unix, type StripeFakeState, type StripeObject } from './state.js';
import type { StripeRoute } from './stripe-route.js';

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Resolves `line_items[i]` (a price id or inline price_data) to an amount; errors name the param. */
function lineItem(
  state: StripeFakeState,
  raw: FormValue,
  i: number,
): { amount_total: number; currency: string; price: string | null; quantity: number; description: string } {
  const at = `line_items[${i}]`;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalidParam(at, 'Invalid object');
  const quantityText = raw.quantity;
  if (quantityText === undefined) throw missingParam(`${at}[quantity]`);
  const quantity = Number(quantityText);
  if (!Number.isInteger(quantity) || quantity < 1)
    throw invalidParam(`${at}[quantity]`, 'Invalid positive integer', 'parameter_invalid_integer');
  const priceId = str(raw.price);
  if (priceId) {
    const price = find(state.prices, priceId);
    if (!price) throw noSuch('price', priceId, `${at}[price]`);
    return {
      price: priceId,
      quantity,
      amount_total: (price.unit_amount as number) * quantity,
      currency: price.currency as string,
      description: String((price.metadata as Record<string, string>).sku ?? priceId),
    };
  }
  const data = raw.price_data;
  if (typeof data !== 'object' || Array.isArray(data)) throw missingParam(`${at}[price]`);
  const currency = str(data.currency);
  if (!currency) throw missingParam(`${at}[price_data][currency]`);
  const unit = Number(data.unit_amount);
  if (data.unit_amount === undefined || !Number.isInteger(unit))
    throw missingParam(`${at}[price_data][unit_amount]`);
  const product = data.product_data;
  const name = typeof product === 'object' && !Array.isArray(product) ? str(product.name) : undefined;
  if (!name && !str(data.product)) throw missingParam(`${at}[price_data][product_data][name]`);
  return {
    price: null,
    quantity,
    amount_total: unit * quantity,
    currency: currency.toLowerCase(),
    description: name ?? String(data.product),
  };
}

export function checkoutRoutes(router: FakeRouter, route: StripeRoute, state: StripeFakeState): void {
  router.on(
    'POST',
    '/v1/checkout/sessions',
    route(({ form }) => {
      const mode = str(form.mode);
      if (!mode) throw missingParam('mode');
      if (!['payment', 'subscription', 'setup'].includes(mode))
        throw invalidParam('mode', `Invalid mode: must be one of payment, setup, or subscription`);
      const successUrl = str(form.success_url);
      if (!successUrl) throw missingParam('success_url');
      const raw = form.line_items;
      if (mode !== 'setup' && (!Array.isArray(raw) || raw.length === 0)) throw missingParam('line_items');
      const lines = Array.isArray(raw) ? raw.map((l, i) => lineItem(state, l, i)) : [];
      const currency = lines[0]?.currency ?? 'usd';
      if (lines.some((l) => l.currency !== currency))
        throw invalidParam('line_items', 'All line items must use the same currency.');
      const customer = str(form.customer);
      if (customer && !find(state.customers, customer)) throw noSuch('customer', customer, 'customer');
      const id = newId('cs_test');
      const created = unix();
      const total = lines.reduce((sum, l) => sum + l.amount_total, 0);
      const session: StripeObject = {
        id,
        object: 'checkout.session',
        created,
        amount_subtotal: total,
        amount_total: total,
        cancel_url: str(form.cancel_url) ?? null,
        client_reference_id: str(form.client_reference_id) ?? null,
        currency,
        customer: customer ?? null,
        customer_email: str(form.customer_email) ?? null,
        expires_at: created + 86_400,
        livemode: false,
        metadata: mergeMetadata({}, form.metadata),
        mode,
        payment_intent: null,
        payment_status: 'unpaid',
        status: 'open',
        success_url: successUrl,
        url: `https://checkout.stripe.com/c/pay/${id}`,
        line_items: {
          object: 'list',
          has_more: false,
          url: `/v1/checkout/sessions/${id}/line_items`,
          data: lines.map((l) => ({ id: newId('li'), object: 'item', ...l })),
        },
      };
      state.checkoutSessions.push(session);
      return withoutLineItems(session);
    }),
  );
  router.on(
    'GET',
    '/v1/checkout/sessions/:id',
    route(({ params, query }) => {
      const session = must(
        find(state.checkoutSessions, params.id as string),
        'checkout.session',
        params.id as string,
      );
      return query.getAll('expand[]').includes('line_items') ? session : withoutLineItems(session);
    }),
  );
  router.on(
    'GET',
    '/v1/checkout/sessions',
    route(({ query }) =>
      paginate(state.checkoutSessions.map(withoutLineItems), query, '/v1/checkout/sessions'),
    ),
  );
}

/** line_items is expandable: not in the default response. */
function withoutLineItems(session: StripeObject): StripeObject {
  const { line_items: _omit, ...rest } = session;
  return rest as StripeObject;
}

/** What paying on the hosted page does: a succeeded payment intent + charge, session complete. */
export function completeSession(state: StripeFakeState, id: string): StripeObject {
  const session = must(find(state.checkoutSessions, id), 'checkout.session', id);
  const pi: StripeObject = {
    id: newId('pi'),
    object: 'payment_intent',
    created: unix(),
    amount: session.amount_total,
    amount_received: 0,
    currency: session.currency,
    customer: session.customer,
    description: null,
    latest_charge: null,
    livemode: false,
    metadata: session.metadata,
    status: 'processing',
  };
  state.paymentIntents.push(pi);
  succeedPaymentIntent(state, pi);
  Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: pi.id });
  return withoutLineItems(session);
}
