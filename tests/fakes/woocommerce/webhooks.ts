import { createHmac, randomUUID } from 'node:crypto';
import { invalidParam, wooError } from './errors.js';
import { V3 } from './resources.js';
import type { Routes } from './resources.js';
import { wooDate } from './state.js';
import type { WooFakeState, WooWebhook } from './state.js';

const RESOURCES = ['coupon', 'customer', 'order', 'product'];
const EVENTS = ['created', 'updated', 'deleted', 'restored'];
/** WooCommerce disables a webhook after more than 5 consecutive failed deliveries */
const MAX_FAILURES = 5;

export interface WooDeliverOptions {
  secret: string;
  webhookId?: number;
  deliveryId?: string;
  /** X-WC-Webhook-Source (the site URL with a trailing slash) */
  source?: string;
  /** override the signature (tests); null sends none */
  signature?: string | null;
  rawBody?: string;
}

export interface WooDelivery {
  status: number;
  text: string;
  deliveryId: string;
}

/** POSTs a webhook like WooCommerce: JSON body, base64 HMAC-SHA256 signature, the X-WC-Webhook-* headers. */
export async function deliverWooWebhook(
  url: string,
  topic: string,
  payload: unknown,
  options: WooDeliverOptions,
): Promise<WooDelivery> {
  const body = JSON.stringify(payload);
  const [resource, event] = topic.split('.');
  const deliveryId = options.deliveryId ?? randomUUID();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'WooCommerce/9.4.0 Hookshot (WordPress/6.7)',
    'x-wc-webhook-source': options.source ?? 'https://shop.example.com/',
    'x-wc-webhook-topic': topic,
    'x-wc-webhook-resource': resource ?? '',
    'x-wc-webhook-event': event ?? '',
    'x-wc-webhook-id': String(options.webhookId ?? 0),
    'x-wc-webhook-delivery-id': deliveryId,
  };
  const signature =
    options.signature === undefined
      ? createHmac('sha256', options.secret).update(body, 'utf8').digest('base64')
      : options.signature;
  if (signature !== null) headers['x-wc-webhook-signature'] = signature;
  const res = await fetch(url, { method: 'POST', headers, body: options.rawBody ?? body });
  return { status: res.status, text: await res.text(), deliveryId };
}

/** The creation ping: an unsigned form body `webhook_id=N`. */
export async function sendPing(state: WooFakeState, hook: WooWebhook): Promise<number> {
  let status = 0;
  try {
    const res = await fetch(hook.delivery_url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'WooCommerce/9.4.0 Hookshot (WordPress/6.7)',
      },
      body: `webhook_id=${hook.id}`,
    });
    status = res.status;
    await res.text();
  } catch {
    status = 0;
  }
  state.sent.push({ webhookId: hook.id, kind: 'ping', status });
  return status;
}

export function recordDelivery(state: WooFakeState, hook: WooWebhook, delivery: WooDelivery): void {
  state.sent.push({
    webhookId: hook.id,
    kind: 'delivery',
    status: delivery.status,
    deliveryId: delivery.deliveryId,
  });
  if (delivery.status >= 200 && delivery.status < 300) hook.failure_count = 0;
  else if (++hook.failure_count > MAX_FAILURES) hook.status = 'disabled';
}

function view(hook: WooWebhook) {
  const [resource, event] = hook.topic.split('.');
  return {
    id: hook.id,
    name: hook.name,
    status: hook.status,
    topic: hook.topic,
    resource,
    event,
    hooks: [`woocommerce_${hook.topic.replace('.', '_')}`],
    delivery_url: hook.delivery_url,
    date_created: hook.date_created_gmt,
    date_created_gmt: hook.date_created_gmt,
  };
}

export function registerWebhooks(
  router: Routes,
  state: WooFakeState,
  options: { pingDelayMs: number },
): void {
  router
    .on('GET', `${V3}/webhooks`, () => ({ status: 200, body: [...state.webhooks.values()].map(view) }))
    .on('GET', `${V3}/webhooks/:id`, (request) => {
      const hook = state.webhooks.get(Number(request.params.id));
      return hook
        ? { status: 200, body: view(hook) }
        : wooError(404, 'woocommerce_rest_webhook_invalid_id', 'Invalid ID.');
    })
    .on('POST', `${V3}/webhooks`, (request) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const topic = String(body.topic ?? '');
      const [resource, event] = topic.split('.');
      const valid =
        (RESOURCES.includes(resource ?? '') && EVENTS.includes(event ?? '')) || resource === 'action';
      if (!valid)
        return wooError(
          400,
          'woocommerce_rest_webhook_invalid_topic',
          'Webhook topic is required and must be valid.',
        );
      const url = String(body.delivery_url ?? '');
      if (!/^https?:\/\/\S+$/.test(url))
        return invalidParam('delivery_url', 'delivery_url is not a valid URL.');
      state.nextId += 1;
      const hook: WooWebhook = {
        id: state.nextId,
        name: typeof body.name === 'string' ? body.name : `Webhook created on ${wooDate(state.now())}`,
        status: body.status === 'paused' || body.status === 'disabled' ? body.status : 'active',
        topic,
        delivery_url: url,
        secret: typeof body.secret === 'string' && body.secret ? body.secret : randomUUID(),
        failure_count: 0,
        date_created_gmt: wooDate(state.now()),
      };
      state.webhooks.set(hook.id, hook);
      // WooCommerce pings a new webhook's delivery URL; the fake does it right after answering
      setTimeout(() => void sendPing(state, hook), options.pingDelayMs);
      return { status: 201, body: view(hook) };
    })
    .on('DELETE', `${V3}/webhooks/:id`, (request) => {
      const hook = state.webhooks.get(Number(request.params.id));
      if (!hook) return wooError(404, 'woocommerce_rest_webhook_invalid_id', 'Invalid ID.');
      if (request.query.get('force') !== 'true')
        return wooError(501, 'woocommerce_rest_trash_not_supported', 'Webhooks do not support trashing.');
      state.webhooks.delete(hook.id);
      return { status: 200, body: view(hook) };
    });
}
