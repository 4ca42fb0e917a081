import { createHmac, randomUUID } from 'node:crypto';

export interface DeliverOptions {
  /** the app's client secret (signs X-Shopify-Hmac-Sha256) */
  secret: string;
  webhookId?: string;
  eventId?: string;
  shopDomain?: string;
  apiVersion?: string;
  triggeredAt?: string;
  /** send exactly these bytes (tests: tampering after signing) */
  rawBody?: string;
  /** override the signature header (tests: bad signatures); null sends none */
  hmac?: string | null;
}

export interface Delivery {
  status: number;
  text: string;
  headers: Record<string, string>;
}

/** POSTs a webhook the way Shopify does: raw JSON body, base64 HMAC-SHA256 and the X-Shopify-* headers. */
export async function deliverWebhook(
  url: string,
  topic: string,
  payload: unknown,
  options: DeliverOptions,
): Promise<Delivery> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Shopify-Captain-Hook',
    'x-shopify-topic': topic,
    'x-shopify-shop-domain': options.shopDomain ?? 'boutique.myshopify.com',
    'x-shopify-api-version': options.apiVersion ?? '2026-04',
    'x-shopify-webhook-id': options.webhookId ?? randomUUID(),
    'x-shopify-event-id': options.eventId ?? randomUUID(),
    'x-shopify-triggered-at': options.triggeredAt ?? new Date().toISOString(),
  };
  const hmac =
    options.hmac === undefined
      ? createHmac('sha256', options.secret).update(body, 'utf8').digest('base64')
      : options.hmac;
  if (hmac !== null) headers['x-shopify-hmac-sha256'] = hmac;
  const res = await fetch(url, { method: 'POST', headers, body: options.rawBody ?? body });
  return { status: res.status, text: await res.text(), headers };
}
