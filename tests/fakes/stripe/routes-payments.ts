import type { FakeRouter } from '../shared/index.js';
import { StripeFakeError, invalidParam, missingParam, must, noSuch } from './errors.js';
import { paginate } from './list.js';
import { mergeMetadata } from './routes-customers.js';
import {
  chargeObject,
  find,
  newId,
  refundObject,
  unix,
  type StripeFakeState,
  type StripeObject,
} from './state.js';
import type { StripeRoute } from './stripe-route.js';

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function intParam(value: unknown, param: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value))
    throw invalidParam(param, 'Invalid integer: ' + String(value), 'parameter_invalid_integer');
  return Number(value);
}

/** Succeeds a payment intent: creates its charge (what confirming with a test card does). */
export function succeedPaymentIntent(state: StripeFakeState, pi: StripeObject): StripeObject {
  const charge = chargeObject({
    id: newId('ch'),
    created: unix(),
    amount: pi.amount as number,
    currency: pi.currency as string,
    customer: (pi.customer as string | null) ?? null,
    paymentIntent: pi.id,
    metadata: (pi.metadata as Record<string, string>) ?? {},
  });
  state.charges.push(charge);
  Object.assign(pi, { status: 'succeeded', amount_received: pi.amount, latest_charge: charge.id });
  return charge;
}

export function paymentRoutes(router: FakeRouter, route: StripeRoute, state: StripeFakeState): void {
  router.on(
    'GET',
    '/v1/balance',
    route(() => ({
      object: 'balance',
      livemode: false,
      available: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }],
      pending: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }],
    })),
  );

  router.on(
    'POST',
    '/v1/payment_intents',
    route(({ form }) => {
      const amount = intParam(form.amount, 'amount');
      if (amount === undefined) throw missingParam('amount');
      const currency = str(form.currency);
      if (!currency) throw missingParam('currency');
      if (amount < 50) throw invalidParam('amount', 'Amount must be at least $0.50 usd', 'amount_too_small');
      const customer = str(form.customer);
      if (customer && !find(state.customers, customer)) throw noSuch('customer', customer, 'customer');
      const id = newId('pi');
      const pi: StripeObject = {
        id,
        object: 'payment_intent',
        created: unix(),
        amount,
        amount_received: 0,
        automatic_payment_methods: form.automatic_payment_methods ?? null,
        client_secret: `${id}_secret_${newId('s').slice(2, 18)}`,
        currency: currency.toLowerCase(),
        customer: customer ?? null,
        description: str(form.description) ?? null,
        latest_charge: null,
        livemode: false,
        metadata: mergeMetadata({}, form.metadata),
        receipt_email: str(form.receipt_email) ?? null,
        status: 'requires_payment_method',
      };
      if (form.confirm === 'true') {
        const method = str(form.payment_method);
        if (method === 'pm_card_chargeDeclined') {
          Object.assign(pi, { status: 'requires_payment_method' });
          state.paymentIntents.push(pi);
          throw new StripeFakeError(402, {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
          });
        }
        if (!method) throw missingParam('payment_method');
        state.paymentIntents.push(pi);
        succeedPaymentIntent(state, pi);
        return pi;
      }
      state.paymentIntents.push(pi);
      return pi;
    }),
  );
  router.on(
    'GET',
    '/v1/payment_intents/:id',
    route(({ params }) => {
      return must(find(state.paymentIntents, params.id as string), 'payment_intent', params.id as string);
    }),
  );
  router.on(
    'GET',
    '/v1/payment_intents',
    route(({ query }) => {
      const customer = query.get('customer');
      return paginate(
        state.paymentIntents,
        query,
        '/v1/payment_intents',
        (o) => customer === null || o.customer === customer,
      );
    }),
  );

  router.on(
    'GET',
    '/v1/charges/:id',
    route(({ params }) => {
      return must(find(state.charges, params.id as string), 'charge', params.id as string);
    }),
  );
  router.on(
    'GET',
    '/v1/charges',
    route(({ query }) => {
      const customer = query.get('customer');
      const pi = query.get('payment_intent');
      return paginate(
        state.charges,
        query,
        '/v1/charges',
        (o) => (customer === null || o.customer === customer) && (pi === null || o.payment_intent === pi),
      );
    }),
  );

  router.on(
    'POST',
    '/v1/refunds',
    route(({ form }) => {
      const chargeId = str(form.charge);
      const piId = str(form.payment_intent);
      if (!chargeId && !piId) {
        throw new StripeFakeError(
          400,
          {
            type: 'invalid_request_error',
            message:
              'One of the following params should be provided for this request: payment_intent or charge.',
          },
          false,
        );
      }
      let charge: StripeObject | undefined;
      if (chargeId) {
        charge = find(state.charges, chargeId);
        if (!charge) throw noSuch('charge', chargeId, 'charge');
      } else {
        const pi = find(state.paymentIntents, piId as string);
        if (!pi) throw noSuch('payment_intent', piId as string, 'payment_intent');
        charge = typeof pi.latest_charge === 'string' ? find(state.charges, pi.latest_charge) : undefined;
        if (!charge) {
          throw new StripeFakeError(400, {
            type: 'invalid_request_error',
            code: 'charge_not_refundable',
            param: 'payment_intent',
            message: `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
          });
        }
      }
      const left = (charge.amount as number) - (charge.amount_refunded as number);
      if (left <= 0) {
        throw new StripeFakeError(400, {
          type: 'invalid_request_error',
          code: 'charge_already_refunded',
          message: `Charge ${charge.id} has already been refunded.`,
        });
      }
      const amount = intParam(form.amount, 'amount') ?? left;
      if (amount > left) {
        const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
        throw new StripeFakeError(400, {
          type: 'invalid_request_error',
          code: 'amount_too_large',
          param: 'amount',
          message: `Refund amount (${dollars(amount)}) is greater than unrefunded amount on charge (${dollars(left)})`,
        });
      }
      charge.amount_refunded = (charge.amount_refunded as number) + amount;
      charge.refunded = charge.amount_refunded === charge.amount;
      const refund = refundObject({
        id: newId('re'),
        created: unix(),
        amount,
        charge,
        reason: str(form.reason) ?? null,
        metadata: mergeMetadata({}, form.metadata),
      });
      state.refunds.push(refund);
      return refund;
    }),
  );
  router.on(
    'GET',
    '/v1/refunds/:id',
    route(({ params }) => {
      return must(find(state.refunds, params.id as string), 'refund', params.id as string);
    }),
  );
  router.on(
    'GET',
    '/v1/refunds',
    route(({ query }) => {
      const charge = query.get('charge');
      const pi = query.get('payment_intent');
      return paginate(
        state.refunds,
        query,
        '/v1/refunds',
        (o) => (charge === null || o.charge === charge) && (pi === null || o.payment_intent === pi),
      );
    }),
  );
}
