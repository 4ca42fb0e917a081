import { NetworkDownError, NodeError } from '@shopwire/sdk';
import type { HttpClient, HttpRequest, HttpResponse, Logger } from '@shopwire/sdk';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';
import { encodeForm } from './encode-form.js';
import { sendFollowingRedirects } from './follow-redirects.js';
import { mayResend, requestMayHaveBeenSent } from './network-error.js';
import { createPinnedTransport, type SendOnce } from './pinned-request.js';
import { bodySnippet, headersToRecord, parseBody } from './parse-response.js';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-delay.js';
import { createSsrfGuard, type NetworkPolicy, type ResolveHost } from './ssrf-guard.js';

export interface HttpClientOptions extends NetworkPolicy {
  /** custom fetch (tests): hosts are still checked, but the connection is not pinned */
  fetch?: typeof fetch;
  /** DNS resolution used by the SSRF check (tests); default node:dns lookup, all addresses */
  resolveHost?: ResolveHost;
  /** redirects followed (each re-checked); default 5 */
  maxRedirects?: number;
  /** per-attempt timeout when the request gives none; default 30 000 */
  defaultTimeoutMs?: number;
  /** retries when the request gives none; default 3 */
  maxRetries?: number;
  /** first backoff step; default 500 ms */
  baseDelayMs?: number;
  /** cap on any single wait, including Retry-After; default 60 000 */
  maxDelayMs?: number;
  logger?: Logger;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Per-origin circuit breaker (default: 5 consecutive network failures open it for 30 s). Pass an
   * instance to share or inspect it, options to tune it, or false to turn it off.
   */
  circuitBreaker?: CircuitBreaker | CircuitBreakerOptions | false;
}

/**
 * The HttpClient handed to nodes: timeouts, retries (honouring Retry-After), body encoding, and an
 * SSRF guard: private / local addresses are refused unless `allowPrivateNetworks` or `allowedHosts`
 * say otherwise, on every redirect hop, with the socket pinned to the checked address.
 * A call that keeps failing at the network level ends in a NetworkDownError (`NETWORK_DOWN`, with
 * `sent` telling whether the request may have reached the server); the engine parks on it.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const guard = createSsrfGuard(
    { allowPrivateNetworks: options.allowPrivateNetworks ?? false, allowedHosts: options.allowedHosts ?? [] },
    options.resolveHost,
  );
  const custom = options.fetch;
  const send: SendOnce = custom
    ? (url, init) => custom(url, { ...init, redirect: 'manual' })
    : createPinnedTransport().send;
  const maxRedirects = options.maxRedirects ?? 5;
  const sleep = options.sleep ?? abortableSleep;
  const backoff = { baseDelayMs: options.baseDelayMs ?? 500, maxDelayMs: options.maxDelayMs ?? 60_000 };
  const breaker =
    options.circuitBreaker === false
      ? undefined
      : options.circuitBreaker instanceof CircuitBreaker
        ? options.circuitBreaker
        : new CircuitBreaker(options.circuitBreaker);

  async function request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    const url = buildUrl(req);
    const safeUrl = `${url.origin}${url.pathname}`; // never log or report the query: it may hold an API key
    const method = (req.method ?? 'GET').toUpperCase();
    const maxRetries = req.maxRetries ?? options.maxRetries ?? 3;
    const timeoutMs = req.timeoutMs ?? options.defaultTimeoutMs ?? 30_000;
    const { headers, body } = buildBody(req);

    const origin = url.origin;
    // a request that may have reached the server is sent again only when that cannot duplicate it
    const resendable = mayResend(method, headers);
    let sent = false; // whether any attempt so far may have reached the server
    for (let attempt = 1; ; attempt++) {
      const retriesLeft = attempt <= maxRetries;
      if (breaker && !breaker.acquire(origin)) {
        const wait = Math.ceil(breaker.retryInMs(origin) / 1000);
        throw new NetworkDownError(
          `${method} ${safeUrl} not attempted: ${origin} failed ${breaker.failureThreshold} times in a row (circuit open${wait > 0 ? `, next try in ${wait} s` : ''})`,
          { sent },
        );
      }
      const signals = [AbortSignal.timeout(timeoutMs), ...(req.signal ? [req.signal] : [])];
      let response: Response;
      try {
        response = await sendFollowingRedirects({
          url,
          init: { method, headers, body, signal: AbortSignal.any(signals) },
          guard,
          send,
          maxRedirects,
        });
      } catch (error) {
        if (req.signal?.aborted) {
          breaker?.release(origin);
          throw req.signal.reason ?? error;
        }
        // SSRF refusals, redirect loops, bad redirect URLs: not network trouble, never retried
        if (error instanceof NodeError && !error.retryable) {
          breaker?.release(origin);
          throw error;
        }
        breaker?.failure(origin);
        const attemptSent = error instanceof NetworkDownError ? error.sent : requestMayHaveBeenSent(error);
        sent ||= attemptSent;
        const timedOut =
          error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        const reason = timedOut ? `timed out after ${timeoutMs} ms` : describeNetworkError(error);
        if (!retriesLeft || (attemptSent && !resendable)) {
          throw new NetworkDownError(`${method} ${safeUrl} ${reason}`, { sent, cause: error });
        }
        const delay = backoffDelay(attempt - 1, backoff);
        options.logger?.debug('http retry after network error', {
          method,
          url: safeUrl,
          attempt,
          delayMs: delay,
          reason,
        });
        await sleep(delay, req.signal);
        continue;
      }
      // any HTTP answer, even a 5xx, shows the host is reachable
      breaker?.success(origin);

      if (isRetryableStatus(response.status) && retriesLeft) {
        const asked = parseRetryAfter(response.headers.get('retry-after'));
        const delay = Math.min(backoff.maxDelayMs, asked ?? backoffDelay(attempt - 1, backoff));
        await response.body?.cancel().catch(() => undefined);
        options.logger?.debug('http retry', {
          method,
          url: safeUrl,
          status: response.status,
          attempt,
          delayMs: delay,
        });
        await sleep(delay, req.signal);
        continue;
      }

      let parsed: unknown;
      try {
        parsed = method === 'HEAD' ? null : await parseBody(response, req.responseType ?? 'auto');
      } catch (error) {
        if (req.signal?.aborted) throw req.signal.reason ?? error;
        // the server answered, then the connection broke off: the request certainly arrived
        throw new NetworkDownError(
          `${method} ${safeUrl} response broke off: ${describeNetworkError(error)}`,
          {
            sent: true,
            cause: error,
          },
        );
      }
      const result: HttpResponse<T> = {
        status: response.status,
        headers: headersToRecord(response.headers),
        body: parsed as T,
        attempts: attempt,
      };
      if (!response.ok && !req.ignoreHttpStatusErrors) {
        const snippet = bodySnippet(parsed);
        throw new NodeError(`Request failed with status ${response.status}${snippet ? `: ${snippet}` : ''}`, {
          code: 'HTTP_ERROR',
          httpStatus: response.status,
          retryable: isRetryableStatus(response.status),
          description: `${method} ${safeUrl}`,
        });
      }
      return result;
    }
  }

  return { request };
}

function buildUrl(req: HttpRequest): URL {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new NodeError(`Invalid URL: ${bodySnippet(req.url, 100)}`, { code: 'HTTP_BAD_REQUEST' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NodeError(`Unsupported URL protocol ${url.protocol} (use http or https)`, {
      code: 'HTTP_BAD_REQUEST',
    });
  }
  for (const [key, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined) url.searchParams.append(key, String(value));
  }
  return url;
}

function buildBody(req: HttpRequest): { headers: Headers; body: string | Uint8Array | undefined } {
  const headers = new Headers(req.headers ?? {});
  if (req.json !== undefined) {
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return { headers, body: JSON.stringify(req.json) };
  }
  if (req.form !== undefined) {
    if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
    return { headers, body: encodeForm(req.form) };
  }
  return { headers, body: req.body };
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return `failed: ${String(error)}`;
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
  return `failed: ${cause?.message ?? error.message}${code && !cause?.message.includes(code) ? ` (${code})` : ''}`;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
