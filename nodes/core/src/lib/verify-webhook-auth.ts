import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingWebhook } from '@shopwire/sdk';
import { webhookBasicAuth, webhookHeaderAuth, webhookHmac } from '../credentials/webhook-auth.js';

export type WebhookAuthMode = 'none' | 'headerToken' | 'basic' | 'hmac';

/** Equal-time comparison of two strings of any length (hashing first hides the length, too). */
export function safeEqual(given: string | Uint8Array, expected: string | Uint8Array): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Checks a request against the webhook's credential. Returns the reason it is refused, or undefined
 * when it passes. The reason never contains the secret or what the caller sent.
 */
export function verifyWebhookAuth(
  mode: WebhookAuthMode,
  credential: Record<string, unknown>,
  request: IncomingWebhook,
): string | undefined {
  if (mode === 'none') return undefined;
  if (mode === 'headerToken') {
    const data = webhookHeaderAuth.schema.parse(credential);
    const sent = request.headers[data.headerName.toLowerCase()];
    if (sent === undefined) return `missing ${data.headerName} header`;
    return safeEqual(sent, data.token) ? undefined : `wrong ${data.headerName} token`;
  }
  if (mode === 'basic') {
    const data = webhookBasicAuth.schema.parse(credential);
    const header = request.headers['authorization'] ?? '';
    const match = /^basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
    if (!match) return 'missing Basic authorization';
    const expected = `${data.user}:${data.password}`;
    return safeEqual(Buffer.from(match[1]!, 'base64').toString('utf8'), expected)
      ? undefined
      : 'wrong user or password';
  }
  const data = webhookHmac.schema.parse(credential);
  const sent = request.headers[data.headerName.toLowerCase()];
  if (sent === undefined) return `missing ${data.headerName} header`;
  const prefix = data.prefix ?? '';
  if (!sent.startsWith(prefix)) return `${data.headerName} does not start with "${prefix}"`;
  const expected = createHmac(data.algorithm, data.secret).update(request.rawBody).digest(data.encoding);
  const signature = sent.slice(prefix.length).trim();
  // hex is case-insensitive; base64 is not
  const normalized = data.encoding === 'hex' ? signature.toLowerCase() : signature;
  return safeEqual(normalized, expected) ? undefined : `${data.headerName} signature does not match the body`;
}
