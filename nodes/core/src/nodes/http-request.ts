import { NodeError, defineNode, isJsonObject, z } from '@shopwire/sdk';
import type { HttpRequest, Item, JsonObject } from '@shopwire/sdk';
import { applyAuth } from '../lib/apply-auth.js';
import { toJsonValue } from '../lib/convert.js';
import { bodyToItems, nextPageRequest } from '../lib/paginate.js';

const isHttpUrl = (value: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const pairs = (title: string) =>
  z
    .array(z.object({ name: z.string().max(500), value: z.unknown() }))
    .default([])
    .meta({ title, ui: { widget: 'keyValue' } });

const params = z.object({
  method: z
    .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])
    .default('GET')
    .meta({ title: 'Method' }),
  url: z
    .string()
    .max(8000)
    .refine(isHttpUrl, 'must be a full http:// or https:// URL')
    .meta({ title: 'URL', ui: { placeholder: 'https://api.example.com/orders' } }),
  authentication: z.enum(['none', 'credential']).default('none').meta({ title: 'Authentication' }),
  authType: z.enum(['auto', 'header', 'query', 'basic', 'bearer']).default('auto').meta({
    title: 'Apply credential as',
    description: 'auto: by its fields (name/value → header; pick "query" for an API key parameter)',
  }),
  query: pairs('Query parameters'),
  headers: pairs('Headers'),
  bodyType: z.enum(['none', 'json', 'form', 'raw']).default('none').meta({ title: 'Body' }),
  body: z
    .unknown()
    .optional()
    .meta({ title: 'Body content', ui: { widget: 'json' } }),
  rawContentType: z
    .string()
    .max(200)
    .optional()
    .meta({ title: 'Content type (raw body)', ui: { placeholder: 'text/plain' } }),
  responseFormat: z.enum(['auto', 'json', 'text']).default('auto').meta({ title: 'Response format' }),
  fullResponse: z.boolean().default(false).meta({ title: 'Include status and headers' }),
  timeoutMs: z.number().int().min(100).max(600_000).default(30_000).meta({ title: 'Timeout (ms)' }),
  maxRetries: z.number().int().min(0).max(10).default(3).meta({ title: 'Retries on 429/5xx/network errors' }),
  ignoreHttpStatusErrors: z
    .boolean()
    .default(false)
    .meta({ title: 'Never fail on HTTP status', description: 'Output 4xx/5xx responses instead of failing' }),
  pagination: z
    .object({
      mode: z
        .enum(['off', 'linkHeader', 'nextUrlField', 'cursorParam', 'pageParam'])
        .default('off')
        .meta({ title: 'Pagination' }),
      nextUrlField: z
        .string()
        .max(500)
        .optional()
        .meta({ title: 'Next URL field', ui: { placeholder: 'links.next' } }),
      cursorField: z
        .string()
        .max(500)
        .optional()
        .meta({ title: 'Cursor field', ui: { placeholder: 'meta.next_cursor' } }),
      cursorParam: z
        .string()
        .max(200)
        .optional()
        .meta({ title: 'Cursor query parameter', ui: { placeholder: 'cursor' } }),
      pageParam: z
        .string()
        .max(200)
        .optional()
        .meta({ title: 'Page query parameter', ui: { placeholder: 'page' } }),
      itemsField: z
        .string()
        .max(500)
        .optional()
        .meta({ title: 'Items field', description: 'Dot path of the list to output, e.g. data' }),
      maxPages: z.number().int().min(1).max(1000).default(10).meta({ title: 'Max pages' }),
    })
    .default({ mode: 'off', maxPages: 10 })
    .meta({ title: 'Pagination' }),
});
type Params = z.output<typeof params>;

const record = (list: { name: string; value: unknown }[]): Record<string, string> =>
  Object.fromEntries(
    list
      .filter((entry) => entry.name !== '')
      .map((entry) => [
        entry.name,
        typeof entry.value === 'string' ? entry.value : JSON.stringify(entry.value ?? ''),
      ]),
  );

function buildRequest(p: Params, signal: AbortSignal): HttpRequest {
  const request: HttpRequest = {
    method: p.method,
    url: p.url,
    headers: record(p.headers),
    query: record(p.query),
    timeoutMs: p.timeoutMs,
    maxRetries: p.maxRetries,
    ignoreHttpStatusErrors: p.ignoreHttpStatusErrors,
    responseType: p.responseFormat,
    signal,
  };
  if (p.bodyType === 'none' || p.body === undefined) return request;
  if (p.bodyType === 'json') {
    if (typeof p.body !== 'string') return { ...request, json: p.body };
    try {
      return { ...request, json: JSON.parse(p.body) };
    } catch {
      throw new NodeError('body: not valid JSON (choose body type "raw" to send text)', {
        code: 'INVALID_PARAM',
      });
    }
  }
  if (p.bodyType === 'form') {
    if (typeof p.body === 'string')
      return { ...request, form: Object.fromEntries(new URLSearchParams(p.body)) };
    if (!isJsonObject(p.body))
      throw new NodeError('body: a form body must be an object of fields', { code: 'INVALID_PARAM' });
    return { ...request, form: p.body };
  }
  const headers = { ...request.headers };
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
    headers['content-type'] = p.rawContentType || 'text/plain';
  return { ...request, headers, body: typeof p.body === 'string' ? p.body : JSON.stringify(p.body) };
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export const httpRequest = defineNode({
  type: 'core.httpRequest',
  version: 1,
  displayName: 'HTTP Request',
  description:
    'Calls any HTTP API once per item, with retries, credentials and pagination. JSON lists become one item per element.',
  kind: 'action',
  group: 'Actions',
  icon: 'globe',
  params,
  credentials: [
    {
      name: 'auth',
      type: ['core.httpHeaderAuth', 'core.httpBasicAuth', 'core.httpBearerAuth', 'core.httpQueryAuth'],
      required: false,
    },
  ],
  // by HTTP semantics; a POST/PATCH that may have reached the server is flagged, not repeated
  idempotent: (p) => IDEMPOTENT_METHODS.has(p.method),
  sampleOutput: [{ json: { id: 1, title: 'Example response' } }],
  run: async (ctx) => {
    const needsAuth = ctx.itemParams.some((p) => p.authentication === 'credential');
    const credential = needsAuth ? await ctx.credential('auth') : undefined;
    const out: Item[] = [];
    const inputs = ctx.items.length ? ctx.items : [{ json: {} }];
    for (let i = 0; i < inputs.length; i++) {
      const p = ctx.itemParams[i] ?? ctx.params;
      try {
        let request: HttpRequest | undefined = buildRequest(p, ctx.signal);
        for (let page = 0; request && page < p.pagination.maxPages; page++) {
          const sent =
            p.authentication === 'credential' && credential
              ? applyAuth({ data: credential, authType: p.authType, request })
              : request;
          const response = await ctx.http.request(sent);
          const pageItems: JsonObject[] = p.fullResponse
            ? [{ statusCode: response.status, headers: response.headers, body: toJsonValue(response.body) }]
            : bodyToItems(response.body, p.pagination.itemsField);
          out.push(...pageItems.map((json) => ({ json, pairedItem: i })));
          const counted = p.fullResponse
            ? bodyToItems(response.body, p.pagination.itemsField).length
            : pageItems.length;
          request = nextPageRequest({ pagination: p.pagination, request, response, pageItemCount: counted });
        }
      } catch (error) {
        if (error instanceof NodeError) {
          throw new NodeError(error.message, {
            code: error.code,
            itemIndex: i,
            retryable: error.retryable,
            ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
            ...(error.description === undefined ? {} : { description: error.description }),
            cause: error,
          });
        }
        throw error;
      }
    }
    return out;
  },
});
