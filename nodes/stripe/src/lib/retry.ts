/** Backoff for the client's own retry loop: exponential with full jitter, or what the server asked. */
export function backoffMs(attempt: number, options: { baseMs: number; maxMs: number }): number {
  const exp = options.baseMs * 2 ** attempt;
  return Math.min(options.maxMs, Math.round(exp + exp * Math.random()));
}

/** Retry-After as delta-seconds or an HTTP date → milliseconds; undefined when absent or bad. */
export function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Network failures from ctx.http (no response at all): safe to retry with the same idempotency key. */
export function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'NETWORK_DOWN' || code === 'HTTP_NETWORK' || code === 'HTTP_TIMEOUT';
}
