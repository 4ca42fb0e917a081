import { describe, expect, it } from 'vitest';
import { createWebhookRateLimiter } from './webhook-rate-limit.js';

describe('createWebhookRateLimiter', () => {
  it('lets a burst through, then answers 429 with Retry-After, and refills at the rate', () => {
    let t = 0;
    const limiter = createWebhookRateLimiter({ ratePerSecond: 2, burst: 3, now: () => t });
    expect([1, 2, 3].map(() => limiter.take('wf:a'))).toEqual([undefined, undefined, undefined]);
    const refused = limiter.take('wf:a');
    expect(refused?.status).toBe(429);
    expect(refused?.headers['retry-after']).toBe('1');
    expect(JSON.parse(String(refused?.body)).error.code).toBe('RATE_LIMITED');
    // another webhook has its own bucket
    expect(limiter.take('wf:b')).toBeUndefined();
    t += 500; // one token back at 2/s
    expect(limiter.take('wf:a')).toBeUndefined();
    expect(limiter.take('wf:a')?.status).toBe(429);
    t += 10_000; // never more than the burst
    expect([1, 2, 3, 4].map(() => limiter.take('wf:a')?.status)).toEqual([
      undefined,
      undefined,
      undefined,
      429,
    ]);
  });

  it('asks for longer waits at low rates and forgets idle buckets past the cap', () => {
    let t = 0;
    const limiter = createWebhookRateLimiter({ ratePerSecond: 0.1, burst: 1, now: () => t, maxBuckets: 2 });
    expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')?.headers['retry-after']).toBe('10');
    expect(limiter.take('b')).toBeUndefined();
    t += 20_000;
    // a and b are full again: a third key evicts them instead of growing without bound
    expect(limiter.take('c')).toBeUndefined();
    expect(limiter.take('c')?.status).toBe(429);
  });
});
