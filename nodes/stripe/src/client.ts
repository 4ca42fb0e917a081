import { NodeError } from '@shopwire/sdk';
import type { HttpClient, HttpResponse } from '@shopwire/sdk';
import type { StripeCredential } from './credentials.js';
import { STRIPE_API_VERSION, stripeApiRoot } from './lib/base-url.js';
import { backoffMs, isNetworkError, retryAfterMs } from './lib/retry.js';

export interface StripeClientOptions {
  http: HttpClient;
  credential: StripeCredential;
  sleep(ms: number): Promise<void>;
  signal?: AbortSignal;
  /** retries after 429 / 5xx / 409 / network errors (honouring Stripe-Should-Retry); default 5 */
  maxRetries?: number;
  /** first backoff step; default 250 ms */
  baseDelayMs?: number;
}

export interface StripeRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** form body; nested keys are encoded Stripe style (`line_items[0][price]`) */
  form?: Record<string, unknown>;
  idempotencyKey?: string;
}

export interface StripeList<T> {
  object: 'list';
  has_more: boolean;
  data: T[];
}

export interface ListOptions {
  /** stop after this many objects unless returnAll */
  limit: number;
  returnAll: boolean;
  /** objects per request (Stripe allows 1..100) */
  pageSize?: number;
}

interface StripeErrorBody {
  error?: { type?: string; code?: string; message?: string; param?: string; decline_code?: string };
}

export type StripeClient = ReturnType<typeof createStripeClient>;

/** Bearer auth, pinned version, form bodies, idempotency keys, Stripe error envelope and retries. */
export function createStripeClient(options: StripeClientOptions) {
  const root = stripeApiRoot(options.credential.baseUrl);
  const maxRetries = options.maxRetries ?? 5;
  const delays = { baseMs: options.baseDelayMs ?? 250, maxMs: 30_000 };

  async function send(req: StripeRequest): Promise<HttpResponse<unknown>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.credential.secretKey}`,
      'stripe-version': STRIPE_API_VERSION,
    };
    if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
    return options.http.request({
      method: req.method,
      url: `${root}${req.path}`,
      headers,
      ...(req.query ? { query: req.query } : {}),
      ...(req.method === 'POST' ? { form: req.form ?? {} } : {}),
      // retries are decided here: Stripe-Should-Retry overrides the status-based guess
      maxRetries: 0,
      ignoreHttpStatusErrors: true,
      responseType: 'json',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  async function request<T>(req: StripeRequest): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let res: HttpResponse<unknown>;
      try {
        res = await send(req);
      } catch (error) {
        if (isNetworkError(error) && attempt < maxRetries) {
          await options.sleep(backoffMs(attempt, delays));
          continue;
        }
        throw error;
      }
      if (res.status >= 200 && res.status < 300) return res.body as T;
      const should = res.headers['stripe-should-retry'];
      const retry =
        should === 'true' ||
        (should === undefined && (res.status === 429 || res.status === 409 || res.status >= 500));
      if (retry && attempt < maxRetries) {
        await options.sleep(retryAfterMs(res.headers['retry-after']) ?? backoffMs(attempt, delays));
        continue;
      }
      throw stripeError(req, res);
    }
  }

  /** Follows `has_more` / `starting_after` until `limit` objects (or all of them) are read. */
  async function list<T extends { id: string }>(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    opts: ListOptions,
  ): Promise<T[]> {
    const pageSize = Math.max(1, Math.min(100, opts.pageSize ?? 100, opts.returnAll ? 100 : opts.limit));
    const out: T[] = [];
    let startingAfter: string | undefined;
    for (;;) {
      const page = await request<StripeList<T>>({
        method: 'GET',
        path,
        query: { ...query, limit: pageSize, starting_after: startingAfter },
      });
      out.push(...page.data);
      if (!opts.returnAll && out.length >= opts.limit) return out.slice(0, opts.limit);
      const last = page.data[page.data.length - 1];
      if (!page.has_more || !last) return out;
      startingAfter = last.id;
    }
  }

  return { request, list };
}

function stripeError(req: StripeRequest, res: HttpResponse<unknown>): NodeError {
  const error = (res.body as StripeErrorBody | null)?.error;
  const message = error?.message ?? `HTTP ${res.status}`;
  const param = error?.param ? ` (param: ${error.param})` : '';
  return new NodeError(`Stripe: ${message}${param}`, {
    code: `STRIPE_${(error?.code ?? error?.type ?? 'error').toUpperCase()}`,
    httpStatus: res.status,
    retryable: res.status === 429 || res.status >= 500,
    description: `${req.method} /v1${req.path}${error?.type ? ` → ${error.type}` : ''}`,
  });
}
