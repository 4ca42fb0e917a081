import {
  defineNode,
  isJsonObject,
  rejectWebhook,
  signedWebhookTrigger,
  validationErrorFromIssues,
  z,
} from '@shopwire/sdk';
import type { JsonObject, TriggerHookContext } from '@shopwire/sdk';
import sample from '../fixtures/webhook-order-created.json' with { type: 'json' };
import { WOO_SLOT, WooClient, wooCredentials } from '../client.js';
import { wooCredentialSchema } from '../credentials.js';
import { isCreationPing, verifyWooSignature } from '../lib/signature.js';

export const WOO_WEBHOOK_TOPICS = [
  'order.created',
  'order.updated',
  'product.updated',
  'customer.created',
] as const;
const WEBHOOK_ID_KEY = 'woocommerce.webhookId';

const params = z.object({
  topic: z.enum(WOO_WEBHOOK_TOPICS).meta({ title: 'Event' }),
  path: z
    .string()
    .trim()
    .max(200)
    .regex(/^[A-Za-z0-9/_-]*$/, 'letters, digits, "/", "_" and "-" only')
    .optional()
    .meta({ title: 'Webhook path', description: 'Default woocommerce/<topic>' }),
});
type Params = z.output<typeof params>;

async function credentialOf(ctx: TriggerHookContext<Params>) {
  const parsed = wooCredentialSchema.safeParse(await ctx.credential(WOO_SLOT));
  if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, `credentials.${WOO_SLOT}`);
  return parsed.data;
}

const trigger = signedWebhookTrigger<Params, string>({
  path: (p) => p.path || `woocommerce/${p.topic.replace('.', '-')}`,
  service: 'WooCommerce',
  // WooCommerce pings a new webhook with an unsigned form body; acknowledge it, run nothing
  unsigned: (request) =>
    isCreationPing(request.rawBody, request.headers) ? { status: 200, body: { ok: true } } : undefined,
  async key(ctx) {
    const { webhookSecret } = await credentialOf(ctx);
    return webhookSecret || rejectWebhook(401, `the ${WOO_SLOT} credential has no webhook secret`);
  },
  verify: (request, secret) =>
    verifyWooSignature({
      secret,
      rawBody: request.rawBody,
      header: request.headers['x-wc-webhook-signature'],
    }) || 'invalid X-WC-Webhook-Signature',
  header: { name: 'X-WC-Webhook-Topic', expected: (params) => params.topic },
  event(body, { headers }, ctx) {
    const json: JsonObject = isJsonObject(body) ? { ...body } : { payload: body };
    json._woocommerce = {
      topic: ctx.params.topic, // equals X-WC-Webhook-Topic (the `header` check)
      resource: headers['x-wc-webhook-resource'] ?? null,
      event: headers['x-wc-webhook-event'] ?? null,
      webhookId: headers['x-wc-webhook-id'] ?? null,
      deliveryId: headers['x-wc-webhook-delivery-id'] ?? null,
      source: headers['x-wc-webhook-source'] ?? null,
    };
    return { json, id: headers['x-wc-webhook-delivery-id'] };
  },
  async onActivate(ctx) {
    if (!ctx.webhookUrl) throw new Error('WooCommerce needs a public webhook URL (set SHOPWIRE_PUBLIC_URL)');
    const credential = await credentialOf(ctx);
    if (!credential.webhookSecret)
      throw new Error(`the ${WOO_SLOT} credential needs a webhook secret to register webhooks`);
    const client = new WooClient(ctx.http, credential);
    const res = await client.request<{ id: number }>('POST', '/webhooks', {
      json: {
        name: `Shopwire: ${ctx.workflow.name} (${ctx.node.name})`.slice(0, 190),
        topic: ctx.params.topic,
        delivery_url: ctx.webhookUrl,
        secret: credential.webhookSecret,
        status: 'active',
      },
    });
    await ctx.state.set(WEBHOOK_ID_KEY, res.body.id);
  },
  async onDeactivate(ctx) {
    const id = await ctx.state.get<number>(WEBHOOK_ID_KEY);
    if (typeof id !== 'number') return;
    const client = new WooClient(ctx.http, await credentialOf(ctx));
    await client.request('DELETE', `/webhooks/${id}`, { query: { force: true } });
    await ctx.state.set(WEBHOOK_ID_KEY, null);
  },
});

export const webhookTrigger = defineNode({
  type: 'woocommerce.webhookTrigger',
  version: 1,
  displayName: 'WooCommerce Trigger',
  description:
    'Starts the workflow on a WooCommerce webhook (order created/updated, product updated, customer created). Verifies X-WC-Webhook-Signature; a repeated delivery runs once.',
  kind: 'trigger',
  group: 'Triggers',
  icon: 'woocommerce',
  params,
  credentials: wooCredentials,
  sampleOutput: [{ json: sample }],
  trigger,
});
