import type {
  IncomingWebhook,
  TriggerHookContext,
  TriggerSpec,
  WebhookHandling,
  WebhookResponse,
} from './define-node.js';
import type { JsonObject, JsonValue } from './items.js';

/** A request refused before anything in it is trusted: the status and body the service sees. */
export interface WebhookRejection {
  reject: WebhookResponse;
}

/** `{ reject: { status, body: { error } } }`: the shape every signed-webhook refusal takes. */
export function rejectWebhook(status: number, error: string): WebhookRejection {
  return { reject: { status, body: { error } } };
}

/** A verified delivery, as the connector reads it. */
export interface SignedWebhookEvent {
  json: JsonObject;
  /** the service's event or delivery id: a second delivery with the same id starts nothing */
  id?: string | undefined;
  /** the event type, when the body names one: checked against `accepts` */
  type?: string | undefined;
}

/** The parts of a signed webhook trigger that differ by service; the order of the checks is fixed here. */
export interface SignedWebhookSpec<P, K> {
  /** the path after /webhook/, from the node's params */
  path(params: P): string;
  /** names the service in logs, e.g. 'Stripe' */
  service: string;
  /** what the service sends unsigned by design (WooCommerce's creation ping): acknowledged, nothing runs */
  unsigned?(request: IncomingWebhook): WebhookResponse | undefined;
  /** what `verify` needs from the credential (the signing secret), or a rejection when it is missing */
  key(ctx: TriggerHookContext<P>, request: IncomingWebhook): Promise<K | WebhookRejection>;
  /** checks the signature over `request.rawBody` in constant time: true, or the error to answer 401 with */
  verify(
    request: IncomingWebhook,
    key: K,
    ctx: TriggerHookContext<P>,
  ): true | string | Promise<true | string>;
  /** a header that must equal a param (e.g. `X-Shopify-Topic`), checked before the body is parsed */
  header?: { name: string; expected(params: P): string };
  /** the verified JSON body as an event, or the error to answer 400 with when it is not one */
  event(body: JsonValue, request: IncomingWebhook, ctx: TriggerHookContext<P>): SignedWebhookEvent | string;
  /** false: the event is acknowledged (200) and ignored; default: every event runs */
  accepts?(type: string, params: P): boolean;
  /** e.g. register / delete the subscription at the service */
  onActivate?(ctx: TriggerHookContext<P>): Promise<void>;
  onDeactivate?(ctx: TriggerHookContext<P>): Promise<void>;
}

export type WebhookTriggerSpec<P> = Extract<TriggerSpec<P>, { type: 'webhook' }>;

// tells `key`'s rejection from its value: a K (a secret, or what verify needs) has no `reject` field
function isRejection(value: unknown): value is WebhookRejection {
  return typeof value === 'object' && value !== null && 'reject' in value;
}

/**
 * The trigger of a node started by a service's signed webhook: POST only, answered as soon as the
 * execution is queued (services time out and redeliver within seconds, so nothing waits on the run).
 */
export function signedWebhookTrigger<P, K>(spec: SignedWebhookSpec<P, K>): WebhookTriggerSpec<P> {
  return {
    type: 'webhook',
    webhook: (params) => ({ path: spec.path(params), methods: ['POST'], responseMode: 'immediately' }),
    handle: signedWebhookHandler(spec),
    ...(spec.onActivate ? { onActivate: spec.onActivate } : {}),
    ...(spec.onDeactivate ? { onDeactivate: spec.onDeactivate } : {}),
  };
}

/**
 * The `handle` of a signed webhook trigger: verify the signature over the raw bytes BEFORE parsing
 * (a forged body is never even read), parse exactly the bytes that were signed, map the event to
 * one item and hand its id to the server as the dedupe key (redeliveries then start nothing).
 */
function signedWebhookHandler<P, K>(
  spec: SignedWebhookSpec<P, K>,
): (request: IncomingWebhook, ctx: TriggerHookContext<P>) => Promise<WebhookHandling> {
  return async (request, ctx) => {
    const unsigned = spec.unsigned?.(request);
    if (unsigned) return { ignore: unsigned };
    const key = await spec.key(ctx, request);
    if (isRejection(key)) return key;
    const verdict = await spec.verify(request, key, ctx);
    if (verdict !== true) {
      ctx.logger.warn(`${spec.service} webhook rejected: bad signature`, {
        node: ctx.node.name,
        error: verdict,
      });
      return rejectWebhook(401, verdict);
    }
    if (spec.header) {
      const got = request.headers[spec.header.name.toLowerCase()];
      const expected = spec.header.expected(ctx.params);
      if (got !== expected)
        return rejectWebhook(400, `${spec.header.name} ${got ?? '(none)'} is not ${expected}`);
    }
    let body: JsonValue;
    try {
      body = JSON.parse(new TextDecoder().decode(request.rawBody)) as JsonValue;
    } catch {
      return rejectWebhook(400, 'the body is not JSON');
    }
    const event = spec.event(body, request, ctx);
    if (typeof event === 'string') return rejectWebhook(400, event);
    if (event.type !== undefined && spec.accepts && !spec.accepts(event.type, ctx.params))
      return { ignore: { status: 200, body: { received: true, ignored: event.type } } };
    return event.id
      ? { items: [{ json: event.json }], dedupeKey: event.id }
      : { items: [{ json: event.json }] };
  };
}
