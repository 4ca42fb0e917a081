import { defineNode, isJsonObject, validationErrorFromIssues, z } from '@shopwire/sdk';
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
  trigger: {
    type: 'webhook',
    webhook: (p) => ({
      path: p.path || `woocommerce/${p.topic.replace('.', '-')}`,
      methods: ['POST'],
      responseMode: 'immediately',
    }),
    async handle(request, ctx) {
      // WooCommerce pings a new webhook with an unsigned form body; acknowledge it, run nothing
      if (isCreationPing(request.rawBody, request.headers))
        return { ignore: { status: 200, body: { ok: true } } };
      const credential = await credentialOf(ctx);
      if (!credential.webhookSecret)
        return {
          reject: { status: 401, body: { error: `the ${WOO_SLOT} credential has no webhook secret` } },
        };
      const header = request.headers['x-wc-webhook-signature'];
      if (!verifyWooSignature({ secret: credential.webhookSecret, rawBody: request.rawBody, header })) {
        return { reject: { status: 401, body: { error: 'invalid X-WC-Webhook-Signature' } } };
      }
      const topic = request.headers['x-wc-webhook-topic'];
      if (topic !== ctx.params.topic)
        return {
          reject: {
            status: 400,
            body: { error: `X-WC-Webhook-Topic ${topic ?? '(none)'} is not ${ctx.params.topic}` },
          },
        };
      let payload: unknown;
      try {
        payload = JSON.parse(new TextDecoder().decode(request.rawBody));
      } catch {
        return { reject: { status: 400, body: { error: 'the body is not JSON' } } };
      }
      const json: JsonObject = isJsonObject(payload) ? { ...payload } : { payload: payload as JsonObject };
      const deliveryId = request.headers['x-wc-webhook-delivery-id'];
      json._woocommerce = {
        topic,
        resource: request.headers['x-wc-webhook-resource'] ?? null,
        event: request.headers['x-wc-webhook-event'] ?? null,
        webhookId: request.headers['x-wc-webhook-id'] ?? null,
        deliveryId: deliveryId ?? null,
        source: request.headers['x-wc-webhook-source'] ?? null,
      };
      return deliveryId ? { items: [{ json }], dedupeKey: deliveryId } : { items: [{ json }] };
    },
    async onActivate(ctx) {
      if (!ctx.webhookUrl)
        throw new Error('WooCommerce needs a public webhook URL (set SHOPWIRE_PUBLIC_URL)');
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
  },
});
