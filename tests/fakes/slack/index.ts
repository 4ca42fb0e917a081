import { randomBytes } from 'node:crypto';
import { FakeRouter, FixedWindow, startFake } from '../shared/index.js';
import type { FakeRequest, FakeResponse } from '../shared/index.js';

/**
 * Local fake of Slack incoming webhooks: `POST /services/T…/B…/X…` with JSON `{text, blocks}` → 200 `ok`;
 * plain-text errors (400 invalid_payload / no_text / invalid_blocks, 403 invalid_token,
 * 404 channel_not_found, 410 channel_is_archived); ~1 message/s per webhook → 429 + Retry-After.
 */

export interface SlackMessage {
  channel: string;
  text?: string;
  blocks?: unknown[];
  receivedAt: number;
}

export interface SlackFakeOptions {
  port?: number;
  /** messages per second per webhook before 429 (default 1, like Slack) */
  messagesPerSecond?: number;
}

type HookState = 'active' | 'archived' | 'deleted';

const text = (status: number, body: string, headers?: Record<string, string>): FakeResponse => ({
  status,
  headers: { 'content-type': 'text/html', ...headers },
  body,
});

export async function startSlackFake(options: SlackFakeOptions = {}) {
  const perSecond = options.messagesPerSecond ?? 1;
  const hooks = new Map<string, { channel: string; state: HookState; window: FixedWindow }>();
  const state = { messages: [] as SlackMessage[], rateLimited: 0 };

  const post = (req: FakeRequest): FakeResponse => {
    const key = `${req.params.t}/${req.params.b}/${req.params.x}`;
    const hook = hooks.get(key);
    if (!hook) return text(403, 'invalid_token');
    if (hook.state === 'deleted') return text(404, 'channel_not_found');
    if (hook.state === 'archived') return text(410, 'channel_is_archived');
    if (!hook.window.take()) {
      state.rateLimited++;
      return text(429, 'rate_limited', {
        'retry-after': String(Math.max(1, Math.ceil(hook.window.retryAfterSeconds()))),
      });
    }
    let payload: unknown;
    const type = req.headers['content-type'] ?? '';
    try {
      // Slack also takes form posts with a `payload=` JSON field
      payload = type.includes('application/x-www-form-urlencoded')
        ? JSON.parse(String((req.body as Record<string, string>).payload))
        : JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      return text(400, 'invalid_payload');
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload))
      return text(400, 'invalid_payload');
    const { text: messageText, blocks } = payload as { text?: unknown; blocks?: unknown };
    if (blocks !== undefined) {
      if (!Array.isArray(blocks)) return text(400, 'invalid_blocks_format');
      if (blocks.length > 50 || blocks.some((b) => !b || typeof (b as { type?: unknown }).type !== 'string'))
        return text(400, 'invalid_blocks');
    }
    if ((typeof messageText !== 'string' || messageText === '') && !(Array.isArray(blocks) && blocks.length))
      return text(400, 'no_text');
    state.messages.push({
      channel: hook.channel,
      ...(typeof messageText === 'string' ? { text: messageText } : {}),
      ...(Array.isArray(blocks) ? { blocks } : {}),
      receivedAt: Date.now(),
    });
    return text(200, 'ok');
  };

  const fake = await startFake({
    router: new FakeRouter().on('POST', '/services/:t/:b/:x', post),
    ...(options.port === undefined ? {} : { port: options.port }),
    notFound: () => text(404, 'no_service'),
  });

  return {
    url: fake.url,
    state,
    received: fake.received,
    /** registers a webhook for a channel and returns its URL */
    createWebhook(channel = '#shop-alerts'): string {
      const id = (n: number) => randomBytes(n).toString('hex').toUpperCase();
      const key = `T${id(4)}/B${id(4)}/${randomBytes(12).toString('base64url')}`;
      hooks.set(key, { channel, state: 'active', window: new FixedWindow(perSecond, 1000) });
      return `${fake.url}/services/${key}`;
    },
    setChannelState(webhookUrl: string, channelState: HookState): void {
      const hook = hooks.get(new URL(webhookUrl).pathname.replace('/services/', ''));
      if (hook) hook.state = channelState;
    },
    close: () => fake.close(),
  };
}

export type SlackFake = Awaited<ReturnType<typeof startSlackFake>>;
