import type { WebhookHttpResponse } from './types.js';
import { errorResponse } from './webhook-response.js';

export interface WebhookRateLimitOptions {
  /** sustained requests per second per webhook (workflow + path) */
  ratePerSecond: number;
  /** how many requests may arrive at once above the rate */
  burst: number;
  /** clock in ms (tests) */
  now?: () => number;
  /** past this many buckets, full (idle) ones are forgotten */
  maxBuckets?: number;
}

export interface WebhookRateLimiter {
  /** takes one token for `key`; a 429 response with Retry-After when the bucket is empty */
  take(key: string): WebhookHttpResponse | undefined;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per webhook: a flood on one URL (a misbehaving sender, an attacker who found it)
 * is answered 429 before any body parsing, credential check or execution row, and other webhooks
 * keep their own budget.
 */
export function createWebhookRateLimiter(options: WebhookRateLimitOptions): WebhookRateLimiter {
  const now = options.now ?? Date.now;
  const rate = options.ratePerSecond / 1000;
  const burst = Math.max(1, options.burst);
  const maxBuckets = options.maxBuckets ?? 10_000;
  const buckets = new Map<string, Bucket>();

  function forgetIdle(at: number): void {
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + (at - bucket.at) * rate >= burst) buckets.delete(key);
    }
  }

  return {
    take(key) {
      const at = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxBuckets) forgetIdle(at);
        bucket = { tokens: burst, at };
        buckets.set(key, bucket);
      } else {
        bucket.tokens = Math.min(burst, bucket.tokens + (at - bucket.at) * rate);
        bucket.at = at;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return undefined;
      }
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
      const response = errorResponse(
        429,
        'RATE_LIMITED',
        `too many requests to this webhook (limit ${options.ratePerSecond}/s); retry after ${retryAfter} s`,
      );
      response.headers['retry-after'] = String(retryAfter);
      return response;
    },
  };
}
