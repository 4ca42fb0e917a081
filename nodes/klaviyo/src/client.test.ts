import { describe, expect, it } from 'vitest';
import { klaviyoApiRoot, klaviyoError, parseKlaviyoAuth } from './client.js';

describe('klaviyo client helpers', () => {
  it('normalises the base URL with or without /api', () => {
    expect(klaviyoApiRoot('https://a.klaviyo.com')).toBe('https://a.klaviyo.com/api');
    expect(klaviyoApiRoot('https://a.klaviyo.com/api/')).toBe('https://a.klaviyo.com/api');
    expect(klaviyoApiRoot('http://127.0.0.1:9/api')).toBe('http://127.0.0.1:9/api');
  });

  it('turns the JSON:API error envelope into a NodeError naming the pointer', () => {
    const error = klaviyoError(400, {
      errors: [
        {
          status: 400,
          code: 'invalid',
          title: 'Invalid input.',
          detail: 'Invalid email address',
          source: { pointer: '/data/attributes/email' },
        },
      ],
    });
    expect(error.message).toBe('Klaviyo 400 invalid: Invalid email address (at /data/attributes/email)');
    expect(error.httpStatus).toBe(400);
    expect(error.retryable).toBe(false);
    expect(klaviyoError(429, { errors: [{ code: 'throttled', detail: 'slow' }] }).retryable).toBe(true);
    expect(klaviyoError(502, '<html>').message).toBe('Klaviyo 502: HTTP 502');
  });

  it('requires a private key', () => {
    expect(() => parseKlaviyoAuth({})).toThrow('credential.privateKey');
    expect(parseKlaviyoAuth({ privateKey: 'pk' }).baseUrl).toBe('https://a.klaviyo.com/api');
  });
});
