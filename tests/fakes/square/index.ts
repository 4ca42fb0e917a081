import { FakeRouter, FixedWindow, createDemoBoutique, startFake } from '../shared/index.js';
import type { DemoBoutique, FakeRequest, FakeResponse } from '../shared/index.js';
import { catalogRoutes } from './routes-catalog.js';
import { customerRoutes } from './routes-customers.js';
import { inventoryRoutes } from './routes-inventory.js';
import { orderRoutes } from './routes-orders.js';
import { paymentRoutes } from './routes-payments.js';
import { createSquareRoute, type SquareFaults } from './square-route.js';
import { countKey, seedSquareState, type SquareFakeState } from './state.js';
import {
  deliverSquareWebhook,
  type SquareDeliverOptions,
  type SquareDelivery,
  type SquareEventData,
} from './webhook.js';

export type { SquareFakeState, SquareObject } from './state.js';
export type { SquareDeliverOptions, SquareDelivery, SquareEnvelope, SquareEventData } from './webhook.js';
export { buildEnvelope, squareHmac } from './webhook.js';

export interface SquareFakeOptions {
  port?: number;
  accessToken?: string;
  /** requests per second before 429 RATE_LIMITED (Square publishes none); false = unlimited */
  rateLimitPerSecond?: number | false;
  /** send `Retry-After` with 429s (Square normally does not) */
  retryAfterSeconds?: number;
  /** objects per /v2/catalog/list page (Square: 100) */
  catalogPageSize?: number;
  demo?: DemoBoutique;
}

export interface SquareFake {
  url: string;
  accessToken: string;
  state: SquareFakeState;
  received: FakeRequest[];
  idempotency: Map<string, unknown>;
  faults: SquareFaults;
  setRateLimit(perSecond: number | false, retryAfterSeconds?: number): void;
  /** current quantity of a variation in a state at a location */
  count(variationId: string, locationId: string, state?: string): number;
  deliverWebhook(
    url: string,
    type: string,
    data: SquareEventData,
    options: SquareDeliverOptions,
  ): Promise<SquareDelivery>;
  close(): Promise<void>;
}

export const SQUARE_FAKE_TOKEN = 'EAAAEshopwireFakeAccessToken0001';

/** A local Square API (`/v2/...`) with Square's auth, error envelope, cursors, idempotency, rate limits and webhook signing. */
export async function startSquareFake(options: SquareFakeOptions = {}): Promise<SquareFake> {
  const accessToken = options.accessToken ?? SQUARE_FAKE_TOKEN;
  const state = seedSquareState(options.demo ?? createDemoBoutique());
  const faults: SquareFaults = { lostResponses: 0 };
  const limiterFor = (perSecond: number | false | undefined) =>
    perSecond === false || perSecond === undefined ? undefined : new FixedWindow(perSecond, 1000);
  let limiter = limiterFor(options.rateLimitPerSecond ?? 20);
  let retryAfter = options.retryAfterSeconds;
  const { route, idempotency } = createSquareRoute({
    accessToken: () => accessToken,
    limiter: () => limiter,
    retryAfterSeconds: () => retryAfter,
    faults,
    versionsSeen: state.versionsSeen,
  });
  const router = new FakeRouter();
  catalogRoutes(router, route, state, { catalogPageSize: options.catalogPageSize ?? 100 });
  inventoryRoutes(router, route, state);
  orderRoutes(router, route, state);
  customerRoutes(router, route, state);
  paymentRoutes(router, route, state);
  const notFound = (request: FakeRequest): FakeResponse => ({
    status: 404,
    body: {
      errors: [
        {
          category: 'INVALID_REQUEST_ERROR',
          code: 'NOT_FOUND',
          detail: `API endpoint for URL path \`${request.path}\` and HTTP method \`${request.method}\` is not found.`,
        },
      ],
    },
  });
  const fake = await startFake({
    router,
    notFound,
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  return {
    url: fake.url,
    accessToken,
    state,
    received: fake.received,
    idempotency,
    faults,
    setRateLimit(perSecond, retryAfterSeconds) {
      limiter = limiterFor(perSecond);
      retryAfter = retryAfterSeconds;
    },
    count: (variationId, locationId, s = 'IN_STOCK') =>
      state.inventory.get(countKey(variationId, locationId, s))?.quantity ?? 0,
    deliverWebhook: (url, type, data, deliverOptions) =>
      deliverSquareWebhook(url, type, data, deliverOptions),
    close: () => fake.close(),
  };
}
