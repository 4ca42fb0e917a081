import { describe, expect, it } from 'vitest';
import { rejectWebhook, signedWebhookTrigger } from './index.js';
import type { IncomingWebhook, JsonValue, SignedWebhookSpec, TriggerHookContext } from './index.js';

// A made-up service signing hex(HMAC-SHA256(secret, body)) in X-Test-Signature, checked with the
// platform's Web Crypto (crypto.subtle.verify compares in constant time): a real signature, no fake.
const SECRET = 'test-secret';
type Params = { topic: string; events: string[]; path?: string };
const params: Params = { topic: 'orders/create', events: ['order.paid'] };

const hmacKey = (secret: string, usage: 'sign' | 'verify') =>
  crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    usage,
  ]);

async function sign(body: Uint8Array, secret = SECRET): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), body);
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function request(
  body: string | Uint8Array,
  headers: Record<string, string> = {},
  signWith: string | null = SECRET,
): Promise<IncomingWebhook> {
  const rawBody = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const signature: Record<string, string> =
    signWith === null ? {} : { 'x-test-signature': await sign(rawBody, signWith) };
  return {
    method: 'POST',
    url: 'https://shop.example.test/webhook/test',
    path: 'test',
    pathParams: {},
    query: {},
    headers: { ...signature, ...headers },
    rawBody,
    body: null,
  };
}

function context(overrides: { credential?: Record<string, unknown>; params?: Params } = {}) {
  const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
  const state = new Map<string, JsonValue>();
  const ctx: TriggerHookContext<Params> = {
    params: overrides.params ?? params,
    workflow: { id: 'wf1', name: 'Orders', projectId: 'p1' },
    node: { id: 'n1', name: 'Test Trigger' },
    webhookUrl: 'https://shop.example.test/webhook/test',
    credential: async () => overrides.credential ?? { webhookSecret: SECRET },
    http: {
      request: async () => {
        throw new Error('a signed webhook handler makes no HTTP calls');
      },
    },
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message, fields) => warnings.push({ message, ...(fields ? { fields } : {}) }),
      error: () => undefined,
    },
    state: {
      get: async <T extends JsonValue = JsonValue>(key: string) => state.get(key) as T | undefined,
      set: async (key, value) => void state.set(key, value),
    },
  };
  return { ctx, warnings };
}

/** Records which steps ran, so the tests can tell that nothing is read before the signature. */
function testTrigger(extra: Partial<SignedWebhookSpec<Params, string>> = {}) {
  const calls: string[] = [];
  const trigger = signedWebhookTrigger<Params, string>({
    path: (p) => p.path ?? `test/${p.topic}`,
    service: 'Test',
    async key(ctx) {
      calls.push('key');
      const secret = (await ctx.credential('test')).webhookSecret;
      return typeof secret === 'string' && secret ? secret : rejectWebhook(500, 'no webhook secret');
    },
    async verify(req, secret) {
      calls.push('verify');
      const given = req.headers['x-test-signature'];
      if (!given) return 'missing X-Test-Signature';
      const mac = Uint8Array.from(given.match(/../g) ?? [], (h) => parseInt(h, 16));
      return (await crypto.subtle.verify('HMAC', await hmacKey(secret, 'verify'), mac, req.rawBody)) || 'bad';
    },
    event(body) {
      calls.push('event');
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'not a Test event';
      return {
        json: body,
        id: typeof body.id === 'string' ? body.id : undefined,
        type: typeof body.type === 'string' ? body.type : undefined,
      };
    },
    accepts: (type, p) => p.events.includes(type),
    ...extra,
  });
  return { trigger, calls, handle: trigger.handle! };
}

describe('signedWebhookTrigger', () => {
  it('registers a POST webhook answered immediately, on the path from the params', () => {
    const { trigger } = testTrigger();
    expect(trigger.type).toBe('webhook');
    expect(trigger.webhook(params)).toEqual({
      path: 'test/orders/create',
      methods: ['POST'],
      responseMode: 'immediately',
    });
    expect(trigger.webhook({ ...params, path: 'custom' }).path).toBe('custom');
    expect('onActivate' in trigger).toBe(false);
    const onActivate = async () => undefined;
    const onDeactivate = async () => undefined;
    const hooked = testTrigger({ onActivate, onDeactivate }).trigger;
    expect(hooked.onActivate).toBe(onActivate);
    expect(hooked.onDeactivate).toBe(onDeactivate);
  });

  it('turns a verified event into one item deduped on its id', async () => {
    const { handle, calls } = testTrigger();
    const body = '{"id":"evt_1","type":"order.paid","note":"crème brûlée"}';
    const handled = await handle(await request(body), context().ctx);
    expect(handled).toEqual({
      items: [{ json: { id: 'evt_1', type: 'order.paid', note: 'crème brûlée' } }],
      dedupeKey: 'evt_1',
    });
    expect(calls).toEqual(['key', 'verify', 'event']);
  });

  it('gives no dedupe key when the event has no (or an empty) id', async () => {
    const { handle } = testTrigger();
    expect(await handle(await request('{"type":"order.paid"}'), context().ctx)).toEqual({
      items: [{ json: { type: 'order.paid' } }],
    });
    expect(await handle(await request('{"id":"","type":"order.paid"}'), context().ctx)).not.toHaveProperty(
      'dedupeKey',
    );
  });

  it('rejects a bad or missing signature with 401 before reading the body, and logs it', async () => {
    const { handle, calls } = testTrigger();
    const { ctx, warnings } = context();
    // not JSON: a 401 (not a 400) shows the body was never parsed
    expect(await handle(await request('not json', {}, 'attacker-secret'), ctx)).toEqual({
      reject: { status: 401, body: { error: 'bad' } },
    });
    expect(await handle(await request('{"id":"e","type":"order.paid"}', {}, null), ctx)).toEqual({
      reject: { status: 401, body: { error: 'missing X-Test-Signature' } },
    });
    expect(calls).not.toContain('event');
    expect(warnings).toEqual([
      { message: 'Test webhook rejected: bad signature', fields: { node: 'Test Trigger', error: 'bad' } },
      {
        message: 'Test webhook rejected: bad signature',
        fields: { node: 'Test Trigger', error: 'missing X-Test-Signature' },
      },
    ]);
  });

  it('rejects a body changed after signing', async () => {
    const { handle } = testTrigger();
    const signed = await request('{"id":"e1","type":"order.paid","total":"10.00"}');
    const tampered = {
      ...signed,
      rawBody: new TextEncoder().encode('{"id":"e1","type":"order.paid","total":"0.00"}'),
    };
    expect(await handle(tampered, context().ctx)).toMatchObject({ reject: { status: 401 } });
  });

  it('returns the key rejection as it is, without verifying', async () => {
    const { handle, calls } = testTrigger();
    const { ctx } = context({ credential: {} });
    expect(await handle(await request('{}'), ctx)).toEqual({
      reject: { status: 500, body: { error: 'no webhook secret' } },
    });
    expect(calls).toEqual(['key']);
  });

  it('acknowledges what the service sends unsigned by design without loading the key', async () => {
    const { handle, calls } = testTrigger({
      unsigned: (req) =>
        new TextDecoder().decode(req.rawBody) === 'webhook_id=7'
          ? { status: 200, body: { ok: true } }
          : undefined,
    });
    expect(await handle(await request('webhook_id=7', {}, null), context().ctx)).toEqual({
      ignore: { status: 200, body: { ok: true } },
    });
    expect(calls).toEqual([]);
    // anything else still needs its signature
    expect(await handle(await request('webhook_id=8', {}, null), context().ctx)).toMatchObject({
      reject: { status: 401 },
    });
  });

  it('checks a header against the params after the signature and before parsing', async () => {
    const { handle, calls } = testTrigger({
      header: { name: 'X-Test-Topic', expected: (p) => p.topic },
    });
    const { ctx } = context();
    expect(await handle(await request('not json', { 'x-test-topic': 'orders/paid' }), ctx)).toEqual({
      reject: { status: 400, body: { error: 'X-Test-Topic orders/paid is not orders/create' } },
    });
    expect(await handle(await request('not json'), ctx)).toEqual({
      reject: { status: 400, body: { error: 'X-Test-Topic (none) is not orders/create' } },
    });
    expect(calls).not.toContain('event');
    const ok = await request('{"id":"e2","type":"order.paid"}', { 'x-test-topic': 'orders/create' });
    expect(await handle(ok, ctx)).toMatchObject({ dedupeKey: 'e2' });
    // a forged request with the right topic is still a 401
    expect(
      await handle(await request('{}', { 'x-test-topic': 'orders/create' }, 'attacker-secret'), ctx),
    ).toMatchObject({ reject: { status: 401 } });
  });

  it('rejects a signed body that is not JSON, or not an event, with 400', async () => {
    const { handle } = testTrigger();
    expect(await handle(await request('{"id":'), context().ctx)).toEqual({
      reject: { status: 400, body: { error: 'the body is not JSON' } },
    });
    expect(await handle(await request('[1,2]'), context().ctx)).toEqual({
      reject: { status: 400, body: { error: 'not a Test event' } },
    });
  });

  it('acknowledges and ignores event types the params do not accept', async () => {
    const { handle } = testTrigger();
    expect(await handle(await request('{"id":"e3","type":"order.refunded"}'), context().ctx)).toEqual({
      ignore: { status: 200, body: { received: true, ignored: 'order.refunded' } },
    });
    const { ctx } = context({ params: { ...params, events: ['order.refunded'] } });
    expect(await handle(await request('{"id":"e3","type":"order.refunded"}'), ctx)).toMatchObject({
      dedupeKey: 'e3',
    });
    // without `accepts`, every event runs
    const all = testTrigger({ accepts: undefined }).handle;
    expect(await all(await request('{"id":"e4","type":"anything"}'), context().ctx)).toMatchObject({
      dedupeKey: 'e4',
    });
  });

  it('passes the key and the context to verify, and accepts a synchronous verdict', async () => {
    const seen: unknown[] = [];
    const { handle } = testTrigger({
      verify: (req, secret, ctx) => {
        seen.push(secret, ctx.node.name, req.path);
        return true;
      },
    });
    expect(
      await handle(await request('{"id":"e5","type":"order.paid"}', {}, null), context().ctx),
    ).toMatchObject({ dedupeKey: 'e5' });
    expect(seen).toEqual([SECRET, 'Test Trigger', 'test']);
  });
});
