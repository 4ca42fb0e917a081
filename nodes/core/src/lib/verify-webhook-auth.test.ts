import { createHmac } from 'node:crypto';
import type { IncomingWebhook } from '@shopwire/sdk';
import { describe, expect, it } from 'vitest';
import { safeEqual, verifyWebhookAuth } from './verify-webhook-auth.js';

function request(headers: Record<string, string>, body = '{"a":1}'): IncomingWebhook {
  return {
    method: 'POST',
    url: 'http://x/webhook/a',
    path: 'a',
    pathParams: {},
    query: {},
    headers,
    rawBody: new TextEncoder().encode(body),
    body: JSON.parse(body),
  };
}

describe('verifyWebhookAuth', () => {
  it('header token: right token passes; missing or wrong token is refused without echoing it', () => {
    const cred = { headerName: 'X-Webhook-Token', token: 'tok-123456' };
    expect(
      verifyWebhookAuth('headerToken', cred, request({ 'x-webhook-token': 'tok-123456' })),
    ).toBeUndefined();
    expect(verifyWebhookAuth('headerToken', cred, request({}))).toBe('missing X-Webhook-Token header');
    const wrong = verifyWebhookAuth('headerToken', cred, request({ 'x-webhook-token': 'tok-123457' }));
    expect(wrong).toBe('wrong X-Webhook-Token token');
    expect(verifyWebhookAuth('headerToken', cred, request({ 'x-webhook-token': 'tok-12345' }))).toBeDefined();
  });

  it('basic: checks user and password', () => {
    const cred = { user: 'shop', password: 'pa:ss-word' };
    const basic = (s: string) => ({ authorization: `Basic ${Buffer.from(s).toString('base64')}` });
    expect(verifyWebhookAuth('basic', cred, request(basic('shop:pa:ss-word')))).toBeUndefined();
    expect(verifyWebhookAuth('basic', cred, request(basic('shop:pa:ss-wore')))).toBe(
      'wrong user or password',
    );
    expect(verifyWebhookAuth('basic', cred, request(basic('shap:pa:ss-word')))).toBe(
      'wrong user or password',
    );
    expect(verifyWebhookAuth('basic', cred, request({ authorization: 'Bearer x' }))).toBe(
      'missing Basic authorization',
    );
  });

  it('hmac: sha256/hex with prefix, sha1/base64; any change of the body breaks it', () => {
    const body = '{"order":1}';
    const hex = createHmac('sha256', 'secret-key').update(body).digest('hex');
    const cred = {
      headerName: 'X-Signature',
      secret: 'secret-key',
      algorithm: 'sha256',
      encoding: 'hex',
      prefix: 'sha256=',
    };
    expect(
      verifyWebhookAuth('hmac', cred, request({ 'x-signature': `sha256=${hex}` }, body)),
    ).toBeUndefined();
    expect(
      verifyWebhookAuth('hmac', cred, request({ 'x-signature': `sha256=${hex.toUpperCase()}` }, body)),
    ).toBeUndefined();
    expect(verifyWebhookAuth('hmac', cred, request({ 'x-signature': `sha256=${hex}` }, '{"order":2}'))).toBe(
      'X-Signature signature does not match the body',
    );
    expect(verifyWebhookAuth('hmac', cred, request({ 'x-signature': hex }, body))).toContain(
      'does not start with',
    );
    const b64 = createHmac('sha1', 'secret-key').update(body).digest('base64');
    const sha1 = { headerName: 'X-Sig', secret: 'secret-key', algorithm: 'sha1', encoding: 'base64' };
    expect(verifyWebhookAuth('hmac', sha1, request({ 'x-sig': b64 }, body))).toBeUndefined();
    expect(verifyWebhookAuth('hmac', sha1, request({}, body))).toBe('missing X-Sig header');
  });

  it('a credential of the wrong shape throws (the trigger turns it into 401)', () => {
    expect(() => verifyWebhookAuth('hmac', { user: 'a', password: 'b' }, request({}))).toThrow();
  });

  it('safeEqual compares any lengths', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
