import { randomBytes } from 'node:crypto';
import { createDemoBoutique } from '../shared/index.js';
import type { DemoBoutique } from '../shared/index.js';

/** Stripe objects as plain JSON; lists keep insertion order (oldest first) and are served newest first. */
export type StripeObject = { id: string; object: string; created: number; [key: string]: unknown };

export interface StripeFakeState {
  customers: StripeObject[];
  prices: StripeObject[];
  paymentIntents: StripeObject[];
  charges: StripeObject[];
  refunds: StripeObject[];
  checkoutSessions: StripeObject[];
  /** events sent with deliverWebhook, newest last */
  events: StripeObject[];
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function newId(prefix: string): string {
  const bytes = randomBytes(24);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${out}`;
}

export const unix = (date: Date | string | number = Date.now()): number =>
  Math.floor(new Date(date).getTime() / 1000);

export function find(list: StripeObject[], id: string): StripeObject | undefined {
  return list.find((o) => o.id === id);
}

/** Seeds customers, prices, and one succeeded payment intent + charge per demo order (refunded ones refunded). */
export function seedStripeState(demo: DemoBoutique = createDemoBoutique()): StripeFakeState {
  const state: StripeFakeState = {
    customers: [],
    prices: [],
    paymentIntents: [],
    charges: [],
    refunds: [],
    checkoutSessions: [],
    events: [],
  };
  for (const c of demo.customers) {
    state.customers.push({
      id: `cus_demo${c.id}`,
      object: 'customer',
      created: unix(c.createdAt),
      email: c.email,
      name: `${c.firstName} ${c.lastName}`,
      phone: c.phone,
      description: null,
      livemode: false,
      metadata: { shopwire_id: String(c.id) },
    });
  }
  demo.products.forEach((p, i) => {
    const n = String(i + 1).padStart(3, '0');
    state.prices.push({
      id: `price_demo${n}`,
      object: 'price',
      created: unix('2025-01-01T00:00:00Z'),
      active: true,
      currency: 'usd',
      unit_amount: p.priceCents,
      product: `prod_demo${n}`,
      type: 'one_time',
      livemode: false,
      metadata: { sku: p.sku },
    });
  });
  for (const o of demo.orders) {
    const created = unix(o.createdAt);
    const refunded = o.financialStatus === 'refunded';
    const pi = `pi_demo${o.id}`;
    const ch = `ch_demo${o.id}`;
    const customer = `cus_demo${o.customerId}`;
    const metadata = { order_number: String(o.number) };
    state.paymentIntents.push({
      id: pi,
      object: 'payment_intent',
      created,
      amount: o.totalCents,
      amount_received: o.totalCents,
      currency: 'usd',
      customer,
      description: `Order #${o.number}`,
      latest_charge: ch,
      livemode: false,
      metadata,
      status: 'succeeded',
    });
    state.charges.push(
      chargeObject({ id: ch, created, amount: o.totalCents, customer, paymentIntent: pi, metadata }),
    );
    if (refunded) {
      const charge = state.charges[state.charges.length - 1] as StripeObject;
      charge.amount_refunded = o.totalCents;
      charge.refunded = true;
      state.refunds.push(
        refundObject({ id: `re_demo${o.id}`, created: created + 86_400, amount: o.totalCents, charge }),
      );
    }
  }
  return state;
}

export function chargeObject(input: {
  id: string;
  created: number;
  amount: number;
  customer: string | null;
  paymentIntent: string;
  metadata: Record<string, string>;
  currency?: string;
}): StripeObject {
  return {
    id: input.id,
    object: 'charge',
    created: input.created,
    amount: input.amount,
    amount_captured: input.amount,
    amount_refunded: 0,
    currency: input.currency ?? 'usd',
    customer: input.customer,
    livemode: false,
    metadata: input.metadata,
    paid: true,
    payment_intent: input.paymentIntent,
    refunded: false,
    status: 'succeeded',
  };
}

export function refundObject(input: {
  id: string;
  created: number;
  amount: number;
  charge: StripeObject;
  reason?: string | null;
  metadata?: Record<string, unknown>;
}): StripeObject {
  return {
    id: input.id,
    object: 'refund',
    created: input.created,
    amount: input.amount,
    charge: input.charge.id,
    currency: input.charge.currency,
    metadata: input.metadata ?? {},
    payment_intent: input.charge.payment_intent,
    reason: input.reason ?? null,
    status: 'succeeded',
  };
}
