import { defineNode, isJsonObject, z } from '@shopwire/sdk';
import type { IncomingWebhook, JsonObject, TriggerHookContext, WebhookHandling } from '@shopwire/sdk';
import event from '../fixtures/event-inventory-count-updated.json' with { type: 'json' };
import { squareCredentialSchema } from '../credentials.js';
import { SQUARE_SLOT, squareCredentialSlot } from '../lib/run-per-item.js';
import { verifySquareSignature } from './verify-signature.js';

export const SQUARE_EVENT_TYPES = [
  'inventory.count.updated',
  'order.created',
  'order.updated',
  'payment.created',
  'payment.updated',
  'refund.created',
  'refund.updated',
  'customer.created',
  'customer.updated',
] as const;

const SEGMENT = String.raw`[A-Za-z0-9._~-]+`;

const params = z.object({
  eventTypes: z
    .array(z.enum(SQUARE_EVENT_TYPES))
    .min(1)
    .meta({ title: 'Event types', description: 'Other events are acknowledged and ignored' }),
  path: z
    .string()
    .regex(
      new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`),
      'segments of letters, digits, . _ ~ - (no leading slash)',
    )
    .max(200)
    .default('square')
    .meta({
      title: 'Path',
      description: "URL after /webhook/; the full URL must equal the credential's notification URL",
    }),
});
type Params = z.output<typeof params>;

async function handle(request: IncomingWebhook, ctx: TriggerHookContext<Params>): Promise<WebhookHandling> {
  const credential = squareCredentialSchema.safeParse(await ctx.credential(SQUARE_SLOT));
  if (!credential.success || !credential.data.signatureKey)
    return { reject: { status: 500, body: { error: 'the Square credential has no webhook signature key' } } };
  // the URL Square signed: the one registered on the subscription (proxies may change what we see)
  const notificationUrl = credential.data.notificationUrl ?? ctx.webhookUrl;
  if (!notificationUrl)
    return { reject: { status: 500, body: { error: 'the Square credential has no notification URL' } } };
  const valid = verifySquareSignature({
    header: request.headers['x-square-hmacsha256-signature'],
    payload: request.rawBody,
    signatureKey: credential.data.signatureKey,
    notificationUrl,
  });
  if (!valid) {
    ctx.logger.warn('square webhook rejected: bad signature', { node: ctx.node.name });
    return { reject: { status: 401, body: { error: 'invalid x-square-hmacsha256-signature' } } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(request.rawBody).toString('utf8'));
  } catch {
    return { reject: { status: 400, body: { error: 'body is not JSON' } } };
  }
  if (!isJsonObject(parsed) || typeof parsed.event_id !== 'string' || typeof parsed.type !== 'string')
    return { reject: { status: 400, body: { error: 'not a Square event (event_id and type expected)' } } };
  if (!(ctx.params.eventTypes as string[]).includes(parsed.type))
    return { ignore: { status: 200, body: { received: true, ignored: parsed.type } } };
  return { items: [{ json: parsed as JsonObject }], dedupeKey: parsed.event_id };
}

export const squareWebhookTrigger = defineNode({
  type: 'square.webhookTrigger',
  version: 1,
  displayName: 'Square Trigger',
  description:
    'Starts the workflow on Square events (inventory, orders, payments, refunds, customers). Verifies the signature; each event runs once.',
  kind: 'trigger',
  group: 'Triggers',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  trigger: {
    type: 'webhook',
    webhook: (p) => ({ path: p.path, methods: ['POST'], responseMode: 'immediately' }),
    handle,
  },
  sampleOutput: [{ json: event }],
});
