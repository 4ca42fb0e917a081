import { NodeError, isJsonObject } from '@shopwire/sdk';
import type { HttpClient, HttpResponse, Logger } from '@shopwire/sdk';
import type { ShopifyCredential } from './credentials.js';
import { isThrottleStatus, waitBeforeQueryMs } from './lib/throttle.js';
import type { QueryCost, ThrottleStatus } from './lib/throttle.js';
import { throwUserErrors } from './lib/user-errors.js';
import type { UserError } from './lib/user-errors.js';
import { graphqlUrl } from './lib/urls.js';

export interface ShopifyClientOptions {
  http: HttpClient;
  credential: ShopifyCredential;
  sleep(ms: number): Promise<void>;
  signal?: AbortSignal;
  logger?: Logger;
  /** clock for the throttle bookkeeping (tests); default Date.now */
  now?: () => number;
  /** retries of a Throttled answer before giving up; default 6 */
  maxThrottleRetries?: number;
}

interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: GraphqlError[] | string;
  extensions?: { cost?: QueryCost };
}

const SERVER_ERROR_RETRIES = 2;

/**
 * The small GraphQL client over ctx.http: auth header, pinned version, error envelopes, and
 * Shopify's cost-based throttling (wait before a query the bucket can't pay for; wait and retry
 * on `Throttled`). ctx.http's own retries are off so a 429 is handled here with the cost data.
 */
export class ShopifyClient {
  private status: { value: ThrottleStatus; at: number } | undefined;
  private readonly costs = new Map<string, number>();
  private readonly now: () => number;
  /** total ms spent waiting for the cost bucket (reported in logs, asserted by tests) */
  waitedMs = 0;

  constructor(private readonly options: ShopifyClientOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Runs a query and returns `data`. `estimatedCost` is used until Shopify told us the real one. */
  async query<T>(
    document: string,
    variables: Record<string, unknown> = {},
    options: { estimatedCost?: number } = {},
  ): Promise<T> {
    const operationName = operationNameOf(document);
    const maxThrottle = this.options.maxThrottleRetries ?? 6;
    let throttled = 0;
    let serverErrors = 0;
    for (;;) {
      await this.waitForBucket(this.costs.get(operationName) ?? options.estimatedCost);
      const res = await this.send(document, variables, operationName);
      const body = (isJsonObject(res.body) ? res.body : {}) as GraphqlBody;
      const cost = body.extensions?.cost;
      this.remember(operationName, cost);
      if (isThrottled(res, body)) {
        if (++throttled > maxThrottle)
          throw new NodeError(`Shopify kept throttling ${operationName} after ${maxThrottle} retries`, {
            code: 'SHOPIFY_THROTTLED',
            httpStatus: res.status,
            retryable: true,
          });
        await this.pause(this.throttleWaitMs(res, cost));
        continue;
      }
      if (res.status >= 500 && serverErrors++ < SERVER_ERROR_RETRIES) {
        await this.pause(500 * 2 ** (serverErrors - 1));
        continue;
      }
      return this.unwrap<T>(res, body, operationName);
    }
  }

  /** Runs a mutation and returns its payload (`data[root]`) after checking `userErrors`. */
  async mutate<T extends object>(
    document: string,
    variables: Record<string, unknown>,
    root: string,
    itemIndex?: number,
  ): Promise<T> {
    const data = await this.query<Record<string, (T & { userErrors?: UserError[] }) | null>>(
      document,
      variables,
      {
        estimatedCost: 10,
      },
    );
    const payload = data[root];
    if (!payload)
      throw new NodeError(`Shopify returned no ${root} payload`, { code: 'SHOPIFY_BAD_RESPONSE' });
    throwUserErrors(root, payload.userErrors, itemIndex);
    return payload;
  }

  private async send(document: string, variables: Record<string, unknown>, operationName: string) {
    return this.options.http.request<unknown>({
      method: 'POST',
      url: graphqlUrl(this.options.credential),
      headers: { 'X-Shopify-Access-Token': this.options.credential.accessToken, accept: 'application/json' },
      json: { query: document, variables, operationName },
      ignoreHttpStatusErrors: true,
      maxRetries: 0,
      responseType: 'json',
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
  }

  private unwrap<T>(res: HttpResponse<unknown>, body: GraphqlBody, operationName: string): T {
    if (typeof body.errors === 'string' || (res.status >= 400 && !Array.isArray(body.errors))) {
      // REST-style envelope: 401 `{"errors":"[API] Invalid API key or access token …"}`
      const message = typeof body.errors === 'string' ? body.errors : `HTTP ${res.status}`;
      throw new NodeError(`Shopify ${operationName}: ${message}`, {
        code: res.status === 401 || res.status === 403 ? 'SHOPIFY_AUTH' : 'SHOPIFY_HTTP',
        httpStatus: res.status,
        retryable: res.status >= 500,
      });
    }
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      const first = body.errors[0]!;
      const where = first.path?.length ? ` (at ${first.path.join('.')})` : '';
      throw new NodeError(
        `Shopify ${operationName}: ${body.errors.map((e) => e.message).join('; ')}${where}`,
        {
          code: first.extensions?.code ? `SHOPIFY_${first.extensions.code}` : 'SHOPIFY_GRAPHQL',
          httpStatus: res.status,
        },
      );
    }
    if (!body.data)
      throw new NodeError(`Shopify ${operationName}: empty response`, { code: 'SHOPIFY_BAD_RESPONSE' });
    return body.data as T;
  }

  private remember(operationName: string, cost: QueryCost | undefined): void {
    if (!cost) return;
    if (typeof cost.requestedQueryCost === 'number') this.costs.set(operationName, cost.requestedQueryCost);
    if (isThrottleStatus(cost.throttleStatus)) this.status = { value: cost.throttleStatus, at: this.now() };
  }

  private async waitForBucket(cost: number | undefined): Promise<void> {
    if (cost === undefined || !this.status) return;
    await this.pause(waitBeforeQueryMs(this.status.value, cost, this.now() - this.status.at));
  }

  private throttleWaitMs(res: HttpResponse<unknown>, cost: QueryCost | undefined): number {
    if (cost && isThrottleStatus(cost.throttleStatus) && typeof cost.requestedQueryCost === 'number') {
      return Math.max(50, waitBeforeQueryMs(cost.throttleStatus, cost.requestedQueryCost));
    }
    const retryAfter = Number(res.headers['retry-after']);
    return Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000;
  }

  private async pause(ms: number): Promise<void> {
    if (ms <= 0) return;
    this.waitedMs += ms;
    this.options.logger?.debug('shopify: waiting for the query cost bucket', { ms });
    await this.options.sleep(ms);
  }
}

function isThrottled(res: HttpResponse<unknown>, body: GraphqlBody): boolean {
  if (Array.isArray(body.errors))
    return body.errors.some((e) => e.message === 'Throttled' || e.extensions?.code === 'THROTTLED');
  return res.status === 429;
}

export function operationNameOf(document: string): string {
  return /^\s*(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(document)?.[1] ?? 'anonymous';
}
