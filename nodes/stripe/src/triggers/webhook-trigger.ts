import { defineNode, isJsonObject, z } from '@shopwire/sdk';
import type { IncomingWebhook, JsonObject, TriggerHookContext, WebhookHandling } from '@shopwire/sdk';
import event from '../fixtures/event-checkout-session-completed.json' with { type: 'json' };
import { stripeCredentialSchema } from '../credentials.js';
import { STRIPE_SLOT, stripeCredentialSlot } from '../lib/run-per-item.js';
import { verifyStripeSignature } from './verify-signature.js';

export const STRIPE_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.expired',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'charge.refunded',
  'charge.dispute.created',
  'customer.created',
  'customer.updated',
] as const;

const SEGMENT = String.raw`[A-Za-z0-9._~-]+`;

const params = z.object({
  events: z
    .array(z.enum(STRIPE_EVENT_TYPES))
    .min(1)
    .meta({ title: 'Events', description: 'Other events are acknowledged and ignored' }),
  path: z
    .string()
    .regex(
      new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`),
      'segments of letters, digits, . _ ~ - (no leading slash)',
    )
    .max(200)
    .default('stripe')
    .meta({
      title: 'Path',
      description: 'URL after /webhook/ — give this URL to the Stripe webhook endpoint',
    }),
});
type Params = z.output<typeof params>;

const reject = (error: string): WebhookHandling => ({ reject: { status: 401, body: { error } } });

/** Optional clock on the context (tests, replays); the system clock otherwise. */
function nowSeconds(ctx: TriggerHookContext<Params>): number {
  const clock = (ctx as { now?: () => Date }).now;
  return Math.floor((typeof clock === 'function' ? clock().getTime() : Date.now()) / 1000);
}

async function handle(request: IncomingWebhook, ctx: TriggerHookContext<Params>): Promise<WebhookHandling> {
  const credential = stripeCredentialSchema.safeParse(await ctx.credential(STRIPE_SLOT));
  if (!credential.success || !credential.data.webhookSecret)
    return {
      reject: { status: 500, body: { error: 'the Stripe credential has no webhook signing secret' } },
    };
  const check = verifyStripeSignature({
    header: request.headers['stripe-signature'],
    payload: request.rawBody,
    secret: credential.data.webhookSecret,
    nowSeconds: nowSeconds(ctx),
  });
  if (!check.ok) {
    ctx.logger.warn('stripe webhook rejected', { reason: check.reason });
    return reject(
      check.reason === 'stale'
        ? 'timestamp outside the tolerance zone'
        : check.reason === 'missing'
          ? 'missing Stripe-Signature header'
          : 'no signatures found matching the expected signature for payload',
    );
  }
  // only now is the body trusted; parse the exact bytes that were signed
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(request.rawBody).toString('utf8'));
  } catch {
    return { reject: { status: 400, body: { error: 'body is not JSON' } } };
  }
  if (!isJsonObject(parsed) || typeof parsed.id !== 'string' || typeof parsed.type !== 'string')
    return { reject: { status: 400, body: { error: 'not a Stripe event (id and type expected)' } } };
  if (!(ctx.params.events as string[]).includes(parsed.type))
    return { ignore: { status: 200, body: { received: true, ignored: parsed.type } } };
  return { items: [{ json: parsed as JsonObject }], dedupeKey: parsed.id };
}

export const stripeWebhookTrigger = defineNode({
  type: 'stripe.webhookTrigger',
  version: 1,
  displayName: 'Stripe Trigger',
  description:
    'Starts the workflow on Stripe events (checkout, payments, refunds, disputes, customers). Verifies the Stripe-Signature; each event runs once.',
  kind: 'trigger',
  group: 'Triggers',
  icon: 'stripe',
  params,
  credentials: stripeCredentialSlot,
  trigger: {
    type: 'webhook',
    webhook: (p) => ({ path: p.path, methods: ['POST'], responseMode: 'immediately' }),
    handle,
  },
  sampleOutput: [{ json: event }],
});
