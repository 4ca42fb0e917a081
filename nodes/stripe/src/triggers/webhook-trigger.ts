import { defineNode, isJsonObject, rejectWebhook, signedWebhookTrigger, z } from '@shopwire/sdk';
import type { TriggerHookContext } from '@shopwire/sdk';
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

/** The wording of Stripe's own libraries for each failure. */
const SIGNATURE_ERRORS = {
  stale: 'timestamp outside the tolerance zone',
  missing: 'missing Stripe-Signature header',
  malformed: 'no signatures found matching the expected signature for payload',
  mismatch: 'no signatures found matching the expected signature for payload',
} as const;

/** Optional clock on the context (tests, replays); the system clock otherwise. */
function nowSeconds(ctx: TriggerHookContext<Params>): number {
  const clock = (ctx as { now?: () => Date }).now;
  return Math.floor((typeof clock === 'function' ? clock().getTime() : Date.now()) / 1000);
}

const trigger = signedWebhookTrigger<Params, string>({
  path: (p) => p.path,
  service: 'Stripe',
  async key(ctx) {
    const credential = stripeCredentialSchema.safeParse(await ctx.credential(STRIPE_SLOT));
    return credential.success && credential.data.webhookSecret
      ? credential.data.webhookSecret
      : rejectWebhook(500, 'the Stripe credential has no webhook signing secret');
  },
  verify(request, secret, ctx) {
    const check = verifyStripeSignature({
      header: request.headers['stripe-signature'],
      payload: request.rawBody,
      secret,
      nowSeconds: nowSeconds(ctx),
    });
    return check.ok || SIGNATURE_ERRORS[check.reason];
  },
  event: (body) =>
    isJsonObject(body) && typeof body.id === 'string' && typeof body.type === 'string'
      ? { json: body, id: body.id, type: body.type }
      : 'not a Stripe event (id and type expected)',
  accepts: (type, params) => (params.events as string[]).includes(type),
});

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
  trigger,
  sampleOutput: [{ json: event }],
});
