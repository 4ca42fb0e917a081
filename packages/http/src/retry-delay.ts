/** Backoff between attempts: exponential with full jitter, or what the server asked for. */

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0..1, injectable for tests */
  random?: () => number;
}

/** Delay before retry number `retry` (0 = first retry): base·2^retry plus up to that much jitter. */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const exp = options.baseDelayMs * 2 ** retry;
  return Math.min(options.maxDelayMs, Math.round(exp + exp * random()));
}

/**
 * Parses a Retry-After header: delta-seconds or an HTTP date. Returns milliseconds to wait,
 * or undefined when absent or unparseable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date = new Date(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** Statuses worth retrying: rate limited or a server-side failure. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
