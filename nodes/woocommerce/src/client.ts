import { NodeError, isJsonObject, validationErrorFromIssues } from '@shopwire/sdk';
import type { HttpClient, HttpResponse, JsonObject } from '@shopwire/sdk';
import { wooCredentialSchema } from './credentials.js';
import type { WooCredential } from './credentials.js';
import { apiBase, basicAuth } from './lib/urls.js';

export const WOO_SLOT = 'woocommerce';
type Query = Record<string, string | number | boolean | undefined>;

export interface ListOptions {
  query?: Query;
  /** stop after this many records (undefined: all) */
  limit?: number;
  /** ≤ 100 */
  perPage?: number;
  maxPages?: number;
}

/**
 * WooCommerce REST v3 over ctx.http: Basic auth, the `{code, message, data:{status}}` error
 * envelope → NodeError, and page/per_page pagination read from X-WP-TotalPages. 429s are retried
 * by ctx.http (Retry-After).
 */
export class WooClient {
  constructor(
    private readonly http: HttpClient,
    readonly credential: WooCredential,
    private readonly signal?: AbortSignal,
  ) {}

  async request<T = JsonObject>(
    method: string,
    path: string,
    options: { query?: Query; json?: unknown; itemIndex?: number } = {},
  ): Promise<HttpResponse<T>> {
    const res = await this.http.request<T>({
      method,
      url: `${apiBase(this.credential)}${path}`,
      headers: { authorization: basicAuth(this.credential), accept: 'application/json' },
      ...(options.query ? { query: options.query } : {}),
      ...(options.json !== undefined ? { json: options.json } : {}),
      ignoreHttpStatusErrors: true,
      ...(this.signal ? { signal: this.signal } : {}),
    });
    if (res.status >= 400) throw wooError(res, `${method} ${path}`, options.itemIndex);
    return res;
  }

  /** Follows `page` until X-WP-TotalPages (or a short page), up to `maxPages`. */
  async list(
    path: string,
    options: ListOptions = {},
  ): Promise<{ records: JsonObject[]; pages: number; truncated: boolean }> {
    const records: JsonObject[] = [];
    // per_page stays the same on every page, or the page offsets would not line up
    const perPage = Math.max(1, Math.min(100, options.perPage ?? 100, options.limit ?? 100));
    const maxPages = options.maxPages ?? 100;
    for (let page = 1; ; page++) {
      const remaining = options.limit === undefined ? Infinity : options.limit - records.length;
      if (remaining <= 0) return { records, pages: page - 1, truncated: false };
      if (page > maxPages) return { records, pages: page - 1, truncated: true };
      const res = await this.request<unknown>('GET', path, {
        query: { ...options.query, page, per_page: perPage },
      });
      const body = Array.isArray(res.body) ? res.body.filter(isJsonObject) : [];
      records.push(...body.slice(0, remaining));
      const totalPages = Number(res.headers['x-wp-totalpages']);
      const more = Number.isFinite(totalPages) ? page < totalPages : body.length === perPage;
      if (!more || body.length === 0) return { records, pages: page, truncated: false };
    }
  }
}

export function wooError(res: HttpResponse<unknown>, what: string, itemIndex?: number): NodeError {
  const body = isJsonObject(res.body) ? res.body : {};
  const message = typeof body.message === 'string' ? body.message : `HTTP ${res.status}`;
  const code = typeof body.code === 'string' ? body.code : undefined;
  const data = isJsonObject(body.data) ? body.data : {};
  const params = isJsonObject(data.params)
    ? Object.entries(data.params)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('; ')
    : '';
  return new NodeError(
    `WooCommerce ${what}: ${message}${params ? ` (${params})` : ''}${code ? ` [${code}]` : ''}`,
    {
      code: code ? `WOO_${code.toUpperCase()}` : 'WOO_HTTP',
      httpStatus: res.status,
      retryable: res.status === 429 || res.status >= 500,
      ...(itemIndex !== undefined ? { itemIndex } : {}),
    },
  );
}

export async function wooClient(ctx: {
  credential(slot: string): Promise<Record<string, unknown>>;
  http: HttpClient;
  signal?: AbortSignal;
}): Promise<WooClient> {
  const parsed = wooCredentialSchema.safeParse(await ctx.credential(WOO_SLOT));
  if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, `credentials.${WOO_SLOT}`);
  return new WooClient(ctx.http, parsed.data, ctx.signal);
}

export const wooCredentials = [{ name: WOO_SLOT, type: 'woocommerce.restApi', required: true }];
