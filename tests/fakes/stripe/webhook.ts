import { createHmac } from 'node:crypto';
import { newId, unix, type StripeObject } from './state.js';

export const FAKE_STRIPE_API_VERSION = '2025-12-15.clover';

export interface StripeEventInput {
  id?: string;
  type: string;
  created?: number;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
}

export interface DeliverOptions {
  secret: string;
  /** unix seconds put in `t=` (default now): set an old one to test the tolerance check */
  timestamp?: number;
  /** extra `v1=` entries, e.g. a signature made with a rotated-out secret */
  extraSignatures?: string[];
  /** replace the whole header (tests of malformed headers); the body is still the event */
  signatureHeader?: string;
}

export interface Delivery {
  status: number;
  body: unknown;
  event: StripeObject;
  payload: string;
  signatureHeader: string;
}

/** hex(HMAC-SHA256(secret, `${t}.${payload}`)): the `v1` scheme. */
export function stripeV1(secret: string, timestamp: number, payload: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
}

export function buildEvent(input: StripeEventInput): StripeObject {
  return {
    id: input.id ?? newId('evt'),
    object: 'event',
    api_version: FAKE_STRIPE_API_VERSION,
    created: input.created ?? unix(),
    data: input.data,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: input.type,
  };
}

/**
 * POSTs an event the way Stripe does: pretty-printed JSON (so only the raw bytes verify), a
 * `Stripe-Signature: t=…,v1=…` header, `Stripe/1.0` user agent.
 */
export async function deliverStripeWebhook(
  url: string,
  input: StripeEventInput | StripeObject,
  options: DeliverOptions,
): Promise<Delivery> {
  const event =
    'object' in input && input.object === 'event'
      ? (input as StripeObject)
      : buildEvent(input as StripeEventInput);
  const payload = JSON.stringify(event, null, 2);
  const t = options.timestamp ?? unix();
  const v1 = [stripeV1(options.secret, t, payload), ...(options.extraSignatures ?? [])];
  const signatureHeader = options.signatureHeader ?? [`t=${t}`, ...v1.map((s) => `v1=${s}`)].join(',');
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'stripe-signature': signatureHeader,
    },
    body: payload,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body, event, payload, signatureHeader };
}
