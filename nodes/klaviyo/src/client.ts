import { NodeError, ValidationError } from '@shopwire/sdk';
import type { HttpClient, HttpResponse } from '@shopwire/sdk';

/** Klaviyo API revision this connector is written against (sent as the `revision` header). */
export const KLAVIYO_REVISION = '2025-10-15';
export const JSON_API = 'application/vnd.api+json';

export interface KlaviyoAuth {
  privateKey: string;
  baseUrl: string;
}

/** `https://a.klaviyo.com`, `https://a.klaviyo.com/api` and `…/api/` all mean the same API root. */
export function klaviyoApiRoot(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '').replace(/\/api$/, '')}/api`;
}

export function parseKlaviyoAuth(raw: Record<string, unknown>): KlaviyoAuth {
  const privateKey = raw.privateKey;
  if (typeof privateKey !== 'string' || privateKey === '')
    throw new ValidationError('credential.privateKey', 'a Klaviyo private API key is required');
  const baseUrl =
    typeof raw.baseUrl === 'string' && raw.baseUrl !== '' ? raw.baseUrl : 'https://a.klaviyo.com/api';
  return { privateKey, baseUrl };
}

interface KlaviyoErrorEntry {
  status?: number | string;
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

/** Klaviyo's JSON:API error envelope → NodeError naming the offending field (source.pointer). */
export function klaviyoError(status: number, body: unknown): NodeError {
  const errors = (body as { errors?: KlaviyoErrorEntry[] } | null)?.errors;
  const first = Array.isArray(errors) ? errors[0] : undefined;
  const where = first?.source?.pointer ?? first?.source?.parameter;
  const text = first ? (first.detail ?? first.title ?? first.code ?? 'error') : `HTTP ${status}`;
  const message = `Klaviyo ${status}${first?.code ? ` ${first.code}` : ''}: ${text}${where ? ` (at ${where})` : ''}`;
  return new NodeError(message, {
    code: status === 401 || status === 403 ? 'AUTH_FAILED' : 'KLAVIYO_ERROR',
    httpStatus: status,
    retryable: status === 429 || status >= 500,
    ...(where ? { description: `field ${where}` } : {}),
  });
}

export interface KlaviyoRequestOptions {
  http: HttpClient;
  auth: KlaviyoAuth;
  method?: string;
  /** path below /api, e.g. `/events` or a full `links.next` URL */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

/** One call with auth + pinned revision; 429 (Retry-After) is waited out by ctx.http, then errors map to NodeError. */
export async function klaviyoRequest<T = unknown>(options: KlaviyoRequestOptions): Promise<HttpResponse<T>> {
  const url = /^https?:\/\//.test(options.path)
    ? options.path
    : `${klaviyoApiRoot(options.auth.baseUrl)}${options.path}`;
  const response = await options.http.request<T>({
    method: options.method ?? 'GET',
    url,
    ...(options.query ? { query: options.query } : {}),
    headers: {
      authorization: `Klaviyo-API-Key ${options.auth.privateKey}`,
      revision: KLAVIYO_REVISION,
      accept: JSON_API,
      ...(options.body === undefined ? {} : { 'content-type': JSON_API }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    // Klaviyo's steady limits are per minute: allow enough retries to wait a window out
    maxRetries: 8,
    ignoreHttpStatusErrors: true,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (response.status >= 400) throw klaviyoError(response.status, response.body);
  return response;
}

/** Re-throws a NodeError with the item index attached. */
export function atItem(error: unknown, itemIndex: number): unknown {
  if (!(error instanceof NodeError) || error.itemIndex !== undefined) return error;
  return new NodeError(error.message, {
    code: error.code,
    itemIndex,
    retryable: error.retryable,
    ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
    ...(error.description === undefined ? {} : { description: error.description }),
    cause: error,
  });
}
