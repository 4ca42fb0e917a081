import { defineNode, isJsonObject, rejectWebhook, signedWebhookTrigger, z } from '@shopwire/sdk';
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

const trigger = signedWebhookTrigger<Params, string>({
  path: (p) => p.path || `shopify/${p.topic.replace('/', '-')}`,
  service: 'Shopify',
  async key(ctx) {
    const { webhookSecret } = await loadCredential(ctx);
    return webhookSecret || rejectWebhook(401, `the ${SHOPIFY_SLOT} credential has no webhook secret`);
  },
  verify: (request, secret) =>
    verifyShopifyHmac({
      secret,
      rawBody: request.rawBody,
      header: request.headers['x-shopify-hmac-sha256'],
    }) || 'invalid X-Shopify-Hmac-Sha256 signature',
  header: { name: 'X-Shopify-Topic', expected: (params) => params.topic },
  event(body, { headers }, ctx) {
    const json: JsonObject = isJsonObject(body) ? { ...body } : { payload: body };
    json._shopify = {
      topic: ctx.params.topic, // equals X-Shopify-Topic (the `header` check)
      shop: headers['x-shopify-shop-domain'] ?? null,
      webhookId: headers['x-shopify-webhook-id'] ?? null,
      eventId: headers['x-shopify-event-id'] ?? null,
      triggeredAt: headers['x-shopify-triggered-at'] ?? null,
      apiVersion: headers['x-shopify-api-version'] ?? null,
    };
    return { json, id: headers['x-shopify-webhook-id'] };
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
});

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
  trigger,
});
