import { FakeRouter, FixedWindow, createDemoBoutique, startFake } from '../shared/index.js';
import type { DemoBoutique, FakeRequest, FakeResponse } from '../shared/index.js';
import { checkoutRoutes, completeSession } from './routes-checkout.js';
import { customerRoutes } from './routes-customers.js';
import { paymentRoutes } from './routes-payments.js';
import { seedStripeState, type StripeFakeState, type StripeObject } from './state.js';
import { createStripeRoute, type StripeFaults } from './stripe-route.js';
import {
  deliverStripeWebhook,
  type DeliverOptions,
  type Delivery,
  type StripeEventInput,
} from './webhook.js';

export type { StripeFakeState, StripeObject } from './state.js';
export type { DeliverOptions, Delivery, StripeEventInput } from './webhook.js';
export { buildEvent, stripeV1 } from './webhook.js';
export { decodeStripeForm } from './form.js';

export interface StripeFakeOptions {
  port?: number;
  /** the one valid secret key */
  apiKey?: string;
  /** requests per second before 429 (Stripe: 25 test mode, 100 live); false = unlimited */
  rateLimitPerSecond?: number | false;
  demo?: DemoBoutique;
}

export interface StripeFake {
  url: string;
  apiKey: string;
  state: StripeFakeState;
  received: FakeRequest[];
  /** saved idempotent results by key */
  idempotency: Map<string, unknown>;
  faults: StripeFaults;
  setRateLimit(perSecond: number | false): void;
  /** pays an open Checkout Session (payment intent + charge) and returns the session */
  completeCheckoutSession(id: string): StripeObject;
  deliverWebhook(
    url: string,
    event: StripeEventInput | StripeObject,
    options: DeliverOptions,
  ): Promise<Delivery>;
  close(): Promise<void>;
}

export const STRIPE_FAKE_KEY = 'sk_test_shopwireFake000000000001234';

/** A local Stripe API (`/v1/...`) with Stripe's auth, errors, lists, idempotency, rate limits and webhook signing. */
export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const apiKey = options.apiKey ?? STRIPE_FAKE_KEY;
  const state = seedStripeState(options.demo ?? createDemoBoutique());
  const faults: StripeFaults = { serverErrors: 0, lostResponses: 0 };
  const perSecond = options.rateLimitPerSecond ?? 25;
  let limiter = perSecond === false ? undefined : new FixedWindow(perSecond, 1000);
  const { route, idempotency } = createStripeRoute({
    apiKey: () => apiKey,
    limiter: () => limiter,
    faults,
    now: Date.now,
  });
  const router = new FakeRouter();
  customerRoutes(router, route, state);
  paymentRoutes(router, route, state);
  checkoutRoutes(router, route, state);
  const notFound = (request: FakeRequest): FakeResponse => ({
    status: 404,
    body: {
      error: {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${request.method}: ${request.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      },
    },
  });
  const fake = await startFake({
    router,
    notFound,
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  return {
    url: fake.url,
    apiKey,
    state,
    received: fake.received,
    idempotency,
    faults,
    setRateLimit(next) {
      limiter = next === false ? undefined : new FixedWindow(next, 1000);
    },
    completeCheckoutSession: (id) => completeSession(state, id),
    async deliverWebhook(url, event, deliverOptions) {
      const delivery = await deliverStripeWebhook(url, event, deliverOptions);
      state.events.push(delivery.event);
      return delivery;
    },
    close: () => fake.close(),
  };
}
