import { defineNode, isJsonObject, rejectWebhook, signedWebhookTrigger, z } from '@shopwire/sdk';
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

const trigger = signedWebhookTrigger<Params, { signatureKey: string; notificationUrl: string }>({
  path: (p) => p.path,
  service: 'Square',
  async key(ctx) {
    const credential = squareCredentialSchema.safeParse(await ctx.credential(SQUARE_SLOT));
    if (!credential.success || !credential.data.signatureKey)
      return rejectWebhook(500, 'the Square credential has no webhook signature key');
    // the URL Square signed: the one registered on the subscription (proxies may change what we see)
    const notificationUrl = credential.data.notificationUrl ?? ctx.webhookUrl;
    if (!notificationUrl) return rejectWebhook(500, 'the Square credential has no notification URL');
    return { signatureKey: credential.data.signatureKey, notificationUrl };
  },
  verify: (request, key) =>
    verifySquareSignature({
      header: request.headers['x-square-hmacsha256-signature'],
      payload: request.rawBody,
      ...key,
    }) || 'invalid x-square-hmacsha256-signature',
  event: (body) =>
    isJsonObject(body) && typeof body.event_id === 'string' && typeof body.type === 'string'
      ? { json: body, id: body.event_id, type: body.type }
      : 'not a Square event (event_id and type expected)',
  accepts: (type, params) => (params.eventTypes as string[]).includes(type),
});

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
  trigger,
  sampleOutput: [{ json: event }],
});
