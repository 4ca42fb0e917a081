import { defineNode, isJsonObject, z } from '@shopwire/sdk';
import type { JsonObject, TriggerHookContext } from '@shopwire/sdk';
import sample from '../fixtures/webhook-orders-create.json' with { type: 'json' };
import { ShopifyClient } from '../client.js';
import { SHOPIFY_SLOT, loadCredential, shopifyCredentials } from '../lib/context.js';
import { WEBHOOK_SUBSCRIPTION_CREATE, WEBHOOK_SUBSCRIPTION_DELETE } from '../lib/documents.js';
import { verifyShopifyHmac } from '../lib/hmac.js';

export const SHOPIFY_WEBHOOK_TOPICS = [
  'orders/create',
  'orders/paid',
  'refunds/create',
  'inventory_levels/update',
  'checkouts/create',
  'checkouts/update',
  'customers/create',
] as const;

const params = z.object({
  topic: z.enum(SHOPIFY_WEBHOOK_TOPICS).meta({ title: 'Event' }),
  path: z
    .string()
    .trim()
    .max(200)
    .regex(/^[A-Za-z0-9/_-]*$/, 'letters, digits, "/", "_" and "-" only')
    .optional()
    .meta({ title: 'Webhook path', description: 'Default shopify/<topic>' }),
});
type Params = z.output<typeof params>;

const SUBSCRIPTION_KEY = 'shopify.webhookSubscriptionId';

/** `orders/create` → `ORDERS_CREATE` (the GraphQL WebhookSubscriptionTopic enum). */
export const topicEnum = (topic: string): string => topic.replace('/', '_').toUpperCase();

function hookClient(ctx: TriggerHookContext<Params>, credential: Awaited<ReturnType<typeof loadCredential>>) {
  return new ShopifyClient({
    http: ctx.http,
    credential,
    logger: ctx.logger,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
}

export const webhookTrigger = defineNode({
  type: 'shopify.webhookTrigger',
  version: 1,
  displayName: 'Shopify Trigger',
  description:
    'Starts the workflow on a Shopify webhook (orders, refunds, inventory, checkouts, customers). Verifies the HMAC signature; a repeated delivery runs once.',
  kind: 'trigger',
  group: 'Triggers',
  icon: 'shopify',
  params,
  credentials: shopifyCredentials,
  sampleOutput: [{ json: sample }],
  trigger: {
    type: 'webhook',
    webhook: (p) => ({
      path: p.path || `shopify/${p.topic.replace('/', '-')}`,
      methods: ['POST'],
      responseMode: 'immediately',
    }),
    async handle(request, ctx) {
      const credential = await loadCredential(ctx);
      if (!credential.webhookSecret) {
        return {
          reject: { status: 401, body: { error: `the ${SHOPIFY_SLOT} credential has no webhook secret` } },
        };
      }
      const header = request.headers['x-shopify-hmac-sha256'];
      // verify over the raw bytes before trusting anything in the body
      if (!verifyShopifyHmac({ secret: credential.webhookSecret, rawBody: request.rawBody, header })) {
        return { reject: { status: 401, body: { error: 'invalid X-Shopify-Hmac-Sha256 signature' } } };
      }
      const topic = request.headers['x-shopify-topic'];
      if (topic !== ctx.params.topic) {
        return {
          reject: {
            status: 400,
            body: { error: `X-Shopify-Topic ${topic ?? '(none)'} is not ${ctx.params.topic}` },
          },
        };
      }
      let payload: unknown;
      try {
        payload = JSON.parse(new TextDecoder().decode(request.rawBody));
      } catch {
        return { reject: { status: 400, body: { error: 'the body is not JSON' } } };
      }
      const json: JsonObject = isJsonObject(payload) ? { ...payload } : { payload: payload as JsonObject };
      const webhookId = request.headers['x-shopify-webhook-id'];
      json._shopify = {
        topic,
        shop: request.headers['x-shopify-shop-domain'] ?? null,
        webhookId: webhookId ?? null,
        eventId: request.headers['x-shopify-event-id'] ?? null,
        triggeredAt: request.headers['x-shopify-triggered-at'] ?? null,
        apiVersion: request.headers['x-shopify-api-version'] ?? null,
      };
      return webhookId ? { items: [{ json }], dedupeKey: webhookId } : { items: [{ json }] };
    },
    async onActivate(ctx) {
      if (!ctx.webhookUrl) throw new Error('Shopify needs a public webhook URL (set SHOPWIRE_PUBLIC_URL)');
      const client = hookClient(ctx, await loadCredential(ctx));
      const payload = await client.mutate<{ webhookSubscription: { id: string } | null }>(
        WEBHOOK_SUBSCRIPTION_CREATE,
        {
          topic: topicEnum(ctx.params.topic),
          webhookSubscription: { callbackUrl: ctx.webhookUrl, format: 'JSON' },
        },
        'webhookSubscriptionCreate',
      );
      if (payload.webhookSubscription) await ctx.state.set(SUBSCRIPTION_KEY, payload.webhookSubscription.id);
    },
    async onDeactivate(ctx) {
      const id = await ctx.state.get<string>(SUBSCRIPTION_KEY);
      if (!id) return;
      const client = hookClient(ctx, await loadCredential(ctx));
      await client.mutate(WEBHOOK_SUBSCRIPTION_DELETE, { id }, 'webhookSubscriptionDelete');
      await ctx.state.set(SUBSCRIPTION_KEY, null);
    },
  },
});
