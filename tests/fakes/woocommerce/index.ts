import { FakeRouter, FixedWindow, startFake } from '../shared/index.js';
import type { DemoBoutique, FakeHandler, FakeRequest } from '../shared/index.js';
import { checkAuth } from './auth.js';
import { registerBatch } from './batch.js';
import { noRoute, wooError } from './errors.js';
import { registerResources } from './resources.js';
import type { Routes } from './resources.js';
import { createWooState, touch } from './state.js';
import type { WooFakeState, WooRecord } from './state.js';
import { deliverWooWebhook, recordDelivery, registerWebhooks, sendPing } from './webhooks.js';
import type { WooDeliverOptions, WooDelivery } from './webhooks.js';

export type { WooFakeState, WooRecord, WooWebhook } from './state.js';
export { wooDate } from './state.js';
export type { WooDeliverOptions, WooDelivery } from './webhooks.js';
export { deliverWooWebhook } from './webhooks.js';

export interface WooFakeOptions {
  port?: number;
  siteUrl?: string;
  consumerKey?: string;
  consumerSecret?: string;
  /** answer 429 after `limit` requests per `windowMs` (WooCommerce publishes no number) */
  rateLimit?: { limit: number; windowMs: number };
  /** delay of the creation ping after POST /webhooks; default 0 */
  pingDelayMs?: number;
  boutique?: DemoBoutique;
  now?: () => number;
}

export interface WooFake {
  url: string;
  state: WooFakeState;
  received: FakeRequest[];
  /** POST /products/batch calls and their sizes */
  batch: { calls: number; sizes: number[] };
  /** requests answered 429 */
  rateLimited(): number;
  setRateLimit(limit: { limit: number; windowMs: number } | undefined): void;
  /** changes a product as if saved in wp-admin (date_modified = now, or `atMs`) */
  updateProduct(id: number, patch: Record<string, unknown>, atMs?: number): WooRecord;
  deliverWebhook(
    url: string,
    topic: string,
    payload: unknown,
    options: WooDeliverOptions,
  ): Promise<WooDelivery>;
  /** sends to every active registered webhook of `topic`, signed with its secret */
  deliverToWebhooks(
    topic: string,
    payload: unknown,
    options?: Partial<WooDeliverOptions>,
  ): Promise<WooDelivery[]>;
  /** sends the creation ping of a registered webhook again */
  ping(webhookId: number): Promise<number>;
  close(): Promise<void>;
}

/** A local WooCommerce REST v3 API under /wp-json/wc/v3/. See README.md. */
export async function startWooFake(options: WooFakeOptions = {}): Promise<WooFake> {
  const keys = {
    consumerKey: options.consumerKey ?? 'ck_testkey',
    consumerSecret: options.consumerSecret ?? 'cs_testsecret',
  };
  const siteUrl = options.siteUrl ?? 'https://shop.example.com';
  const state = createWooState({
    siteUrl,
    ...(options.boutique ? { boutique: options.boutique } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  let window = options.rateLimit
    ? new FixedWindow(options.rateLimit.limit, options.rateLimit.windowMs)
    : undefined;
  let limited = 0;
  const router = new FakeRouter();
  const guard =
    (handler: FakeHandler): FakeHandler =>
    (request) => {
      if (window && !window.take()) {
        limited += 1;
        const response = wooError(
          429,
          'woocommerce_rest_too_many_requests',
          'Too many requests. Please wait and try again.',
        );
        return {
          ...response,
          headers: { 'retry-after': String(Math.max(1, Math.ceil(window.retryAfterSeconds()))) },
        };
      }
      return checkAuth(request, keys) ?? handler(request);
    };
  const routes: Routes = {
    on(method, pattern, handler) {
      router.on(method, pattern, guard(handler));
      return routes;
    },
  };
  const batch = { calls: 0, sizes: [] as number[] };
  registerResources(routes, state);
  registerBatch(routes, state, batch);
  registerWebhooks(routes, state, { pingDelayMs: options.pingDelayMs ?? 0 });
  const fake = await startFake({
    router,
    ...(options.port !== undefined ? { port: options.port } : {}),
    notFound: () => noRoute(),
  });
  const source = `${siteUrl.replace(/\/+$/, '')}/`;
  return {
    url: fake.url,
    state,
    received: fake.received,
    batch,
    rateLimited: () => limited,
    setRateLimit(limit) {
      window = limit ? new FixedWindow(limit.limit, limit.windowMs) : undefined;
    },
    updateProduct(id, patch, atMs) {
      const product = state.products.find((p) => p.id === id);
      if (!product) throw new Error(`no product ${id}`);
      Object.assign(product, patch);
      touch(state, product, atMs);
      return product;
    },
    deliverWebhook: (url, topic, payload, o) => deliverWooWebhook(url, topic, payload, { source, ...o }),
    async deliverToWebhooks(topic, payload, o = {}) {
      const hooks = [...state.webhooks.values()].filter((h) => h.topic === topic && h.status === 'active');
      return Promise.all(
        hooks.map(async (hook) => {
          const delivery = await deliverWooWebhook(hook.delivery_url, topic, payload, {
            source,
            webhookId: hook.id,
            ...o,
            secret: o.secret ?? hook.secret,
          });
          recordDelivery(state, hook, delivery);
          return delivery;
        }),
      );
    },
    ping(webhookId) {
      const hook = state.webhooks.get(webhookId);
      if (!hook) throw new Error(`no webhook ${webhookId}`);
      return sendPing(state, hook);
    },
    close: fake.close,
  };
}
