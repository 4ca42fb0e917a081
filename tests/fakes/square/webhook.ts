import { createHmac, randomUUID } from 'node:crypto';

export interface SquareEventData {
  /** e.g. `inventory_counts`, `order_created`, `payment` (default: derived from the event type) */
  type?: string;
  id: string;
  object: Record<string, unknown>;
}

export interface SquareDeliverOptions {
  signatureKey: string;
  /** the URL the subscription is registered with: part of the signature (use a different one to test rejection) */
  notificationUrl: string;
  eventId?: string;
  merchantId?: string;
  /** replace the signature header (tests of missing/garbled signatures) */
  signature?: string;
}

export interface SquareDelivery {
  status: number;
  body: unknown;
  envelope: SquareEnvelope;
  payload: string;
}

export interface SquareEnvelope {
  merchant_id: string;
  type: string;
  event_id: string;
  created_at: string;
  data: { type: string; id: string; object: Record<string, unknown> };
}

/** base64(HMAC-SHA256(signatureKey, notificationUrl + body)). */
export function squareHmac(signatureKey: string, notificationUrl: string, payload: string): string {
  return createHmac('sha256', signatureKey)
    .update(notificationUrl + payload)
    .digest('base64');
}

export function buildEnvelope(
  type: string,
  data: SquareEventData,
  options: { eventId?: string; merchantId?: string } = {},
): SquareEnvelope {
  return {
    merchant_id: options.merchantId ?? 'MLSHOPWIRE01',
    type,
    event_id: options.eventId ?? randomUUID(),
    created_at: new Date().toISOString(),
    data: { type: data.type ?? type.split('.').slice(0, -1).join('_'), id: data.id, object: data.object },
  };
}

/** POSTs a Square event envelope signed the way Square signs it. */
export async function deliverSquareWebhook(
  url: string,
  type: string,
  data: SquareEventData,
  options: SquareDeliverOptions,
): Promise<SquareDelivery> {
  const envelope = buildEnvelope(type, data, options);
  const payload = JSON.stringify(envelope);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Square Connect v2',
      'square-environment': 'Production',
      'square-initial-delivery-timestamp': envelope.created_at,
      'square-retry-number': '0',
      'x-square-hmacsha256-signature':
        options.signature ?? squareHmac(options.signatureKey, options.notificationUrl, payload),
    },
    body: payload,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body, envelope, payload };
}
