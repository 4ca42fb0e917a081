import { FakeRouter, startFake } from '../shared/index.js';
import type { DemoBoutique, FakeRequest } from '../shared/index.js';
import { CostBucket } from './bucket.js';
import type { BucketOptions } from './bucket.js';
import { createGraphqlHandler } from './graphql-handler.js';
import { orderWebhookPayload } from './payloads.js';
import { createShopifyState } from './state.js';
import type { ShopifyFakeState } from './state.js';
import { deliverWebhook } from './webhooks.js';
import type { DeliverOptions, Delivery } from './webhooks.js';

export type { BucketOptions } from './bucket.js';
export type { FakeCustomer, FakeOrder, FakeProduct, ShopifyFakeState } from './state.js';
export { levelKey } from './state.js';
export type { DeliverOptions, Delivery } from './webhooks.js';
export { deliverWebhook } from './webhooks.js';

export interface ShopifyFakeOptions {
  port?: number;
  shopDomain?: string;
  accessToken?: string;
  /** the app's client secret, used to sign deliveries to subscriptions */
  webhookSecret?: string;
  /** GraphQL cost bucket; default Shopify Standard: 2000 points, 100/s */
  bucket?: Partial<BucketOptions>;
  /** HTTP status of Throttled answers; default 200 */
  throttledStatus?: number;
  boutique?: DemoBoutique;
  now?: () => number;
}

export interface ShopifyFake {
  url: string;
  state: ShopifyFakeState;
  bucket: CostBucket;
  received: FakeRequest[];
  /** GraphQL requests only */
  graphqlCalls(): FakeRequest[];
  setThrottledStatus(status: number): void;
  deliverWebhook(
    url: string,
    topic: string,
    payload: unknown,
    options?: Partial<DeliverOptions>,
  ): Promise<Delivery>;
  /** sends `payload` to every subscription of `topic` (e.g. ORDERS_CREATE), signed with the app secret */
  deliverToSubscribers(
    topic: string,
    payload: unknown,
    options?: Partial<DeliverOptions>,
  ): Promise<Delivery[]>;
  orderPayload(orderId: string): ReturnType<typeof orderWebhookPayload>;
  close(): Promise<void>;
}

/**
 * A local Shopify Admin GraphQL API: `POST /admin/api/:version/graphql.json`. See README.md for the
 * operations it understands.
 */
export async function startShopifyFake(options: ShopifyFakeOptions = {}): Promise<ShopifyFake> {
  const shopDomain = options.shopDomain ?? 'boutique.myshopify.com';
  const secret = options.webhookSecret ?? 'shpss_test_client_secret';
  const state = createShopifyState({
    shopDomain,
    ...(options.boutique ? { boutique: options.boutique } : {}),
  });
  const bucket = new CostBucket(
    {
      maximumAvailable: options.bucket?.maximumAvailable ?? 2000,
      restoreRate: options.bucket?.restoreRate ?? 100,
    },
    options.now,
  );
  let throttledStatus = options.throttledStatus ?? 200;
  const router = new FakeRouter().on(
    'POST',
    '/admin/api/:version/graphql.json',
    createGraphqlHandler({
      state,
      bucket,
      accessToken: options.accessToken ?? 'shpat_test_token',
      throttledStatus: () => throttledStatus,
    }),
  );
  const fake = await startFake({
    router,
    ...(options.port !== undefined ? { port: options.port } : {}),
    notFound: () => ({ status: 404, body: { errors: 'Not Found' } }),
  });
  const deliver = (url: string, topic: string, payload: unknown, o: Partial<DeliverOptions> = {}) =>
    deliverWebhook(url, topic, payload, { secret, shopDomain, ...o });
  return {
    url: fake.url,
    state,
    bucket,
    received: fake.received,
    graphqlCalls: () => fake.received.filter((r) => r.path.endsWith('/graphql.json')),
    setThrottledStatus: (status) => void (throttledStatus = status),
    deliverWebhook: deliver,
    async deliverToSubscribers(topic, payload, o = {}) {
      const lower = topic.toLowerCase();
      const restTopic = `${lower.slice(0, lower.lastIndexOf('_'))}/${lower.slice(lower.lastIndexOf('_') + 1)}`;
      const targets = [...state.subscriptions.values()].filter((s) => s.topic === topic);
      return Promise.all(targets.map((s) => deliver(s.callbackUrl, restTopic, payload, o)));
    },
    orderPayload(orderId) {
      const order = state.orders.find((o) => o.id === orderId || o.id.endsWith(`/${orderId}`));
      if (!order) throw new Error(`no order ${orderId}`);
      return orderWebhookPayload(state, order);
    },
    close: fake.close,
  };
}
