import { NodeError } from '@shopwire/sdk';
import type { HttpClient, HttpResponse } from '@shopwire/sdk';
import type { SquareCredential } from './credentials.js';
import { SQUARE_VERSION, squareApiRoot } from './lib/base-url.js';
import { backoffMs, isNetworkError, retryAfterMs } from './lib/retry.js';

export interface SquareClientOptions {
  http: HttpClient;
  credential: SquareCredential;
  sleep(ms: number): Promise<void>;
  signal?: AbortSignal;
  /** retries after 429 RATE_LIMITED / 5xx / network errors; default 5 */
  maxRetries?: number;
  /** first backoff step; default 250 ms */
  baseDelayMs?: number;
}

export interface SquareRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
}

interface SquareErrorItem {
  category?: string;
  code?: string;
  detail?: string;
  field?: string;
}

export interface PageOptions {
  limit: number;
  returnAll: boolean;
}

export type SquareClient = ReturnType<typeof createSquareClient>;

/** Bearer auth, pinned Square-Version, JSON bodies, error envelope, backoff with jitter on RATE_LIMITED. */
export function createSquareClient(options: SquareClientOptions) {
  const root = squareApiRoot(options.credential);
  const maxRetries = options.maxRetries ?? 5;
  const delays = { baseMs: options.baseDelayMs ?? 250, maxMs: 30_000 };

  async function request<T>(req: SquareRequest): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let res: HttpResponse<unknown>;
      try {
        res = await options.http.request({
          method: req.method,
          url: `${root}${req.path}`,
          headers: {
            authorization: `Bearer ${options.credential.accessToken}`,
            'square-version': SQUARE_VERSION,
            accept: 'application/json',
          },
          ...(req.query ? { query: req.query } : {}),
          ...(req.json !== undefined ? { json: req.json } : {}),
          maxRetries: 0, // retried below, with jitter
          ignoreHttpStatusErrors: true,
          responseType: 'json',
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (error) {
        if (isNetworkError(error) && attempt < maxRetries) {
          await options.sleep(backoffMs(attempt, delays));
          continue;
        }
        throw error;
      }
      if (res.status >= 200 && res.status < 300) return res.body as T;
      if ((res.status === 429 || res.status >= 500) && attempt < maxRetries) {
        // Square publishes no limit and rarely a Retry-After: jitter spreads the retries of parallel runs
        const asked = retryAfterMs(res.headers['retry-after']);
        const wait =
          asked === undefined ? backoffMs(attempt, delays) : asked + Math.round(Math.random() * asked * 0.2);
        await options.sleep(wait);
        continue;
      }
      throw squareError(req, res);
    }
  }

  /** Follows the body `cursor` (absent on the last page) until `limit` results, or all of them. */
  async function paginate<T>(
    fetchPage: (
      cursor: string | undefined,
    ) => Promise<{ items: T[] | undefined; cursor?: string | undefined }>,
    opts: PageOptions,
  ): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100_000; page++) {
      const result = await fetchPage(cursor);
      out.push(...(result.items ?? []));
      if (!opts.returnAll && out.length >= opts.limit) return out.slice(0, opts.limit);
      if (!result.cursor) return out;
      cursor = result.cursor;
    }
    return out;
  }

  return { request, paginate };
}

function squareError(req: SquareRequest, res: HttpResponse<unknown>): NodeError {
  const errors = ((res.body as { errors?: SquareErrorItem[] } | null)?.errors ?? []).slice(0, 5);
  const first = errors[0];
  const message = errors.length
    ? errors.map((e) => `${e.detail ?? e.code ?? 'error'}${e.field ? ` (field: ${e.field})` : ''}`).join('; ')
    : `HTTP ${res.status}`;
  return new NodeError(`Square: ${message}`, {
    code: `SQUARE_${first?.code ?? 'ERROR'}`,
    httpStatus: res.status,
    retryable: res.status === 429 || res.status >= 500,
    description: `${req.method} /v2${req.path}${first?.category ? ` → ${first.category}` : ''}`,
  });
}
