import { NodeError, isJsonObject } from '@shopwire/sdk';
import type { HttpRequest, HttpResponse, JsonObject } from '@shopwire/sdk';
import { toJsonValue, toNumber } from './convert.js';
import { getPath } from './dot-path.js';

export interface PaginationParams {
  mode: 'off' | 'linkHeader' | 'nextUrlField' | 'cursorParam' | 'pageParam';
  nextUrlField?: string | undefined;
  cursorField?: string | undefined;
  cursorParam?: string | undefined;
  pageParam?: string | undefined;
  itemsField?: string | undefined;
  maxPages: number;
}

/** Items emitted for one response body: array elements, the `itemsField` array, or the body itself. */
export function bodyToItems(body: unknown, itemsField: string | undefined): JsonObject[] {
  const source = itemsField ? getPath(body, itemsField) : body;
  if (itemsField && (source === undefined || source === null)) return [];
  if (itemsField && !Array.isArray(source)) {
    throw new NodeError(`pagination.itemsField: "${itemsField}" in the response is not a list`, {
      code: 'INVALID_RESPONSE',
    });
  }
  if (Array.isArray(source)) return source.map((el) => (isJsonObject(el) ? el : { value: toJsonValue(el) }));
  if (isJsonObject(source)) return [source];
  if (source === null || source === undefined || source === '') return [{}];
  return [{ data: toJsonValue(source) }];
}

/** `<https://x/y?page=2>; rel="next", <…>; rel="last"` → the next URL. */
export function nextLink(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (match && /rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2]!)) return match[1];
  }
  return undefined;
}

function effectiveUrl(request: HttpRequest): string {
  const url = new URL(request.url);
  for (const [key, value] of Object.entries(request.query ?? {}))
    if (value !== undefined) url.searchParams.append(key, String(value));
  return url.toString();
}

function withParam(request: HttpRequest, name: string, value: string): HttpRequest {
  const url = new URL(request.url);
  url.searchParams.set(name, value);
  const query = { ...request.query };
  delete query[name];
  return { ...request, url: url.toString(), query };
}

/**
 * The request for the next page, or undefined when there is none. `request` is the request as
 * built from the params (before credentials are applied), so next-page URLs never lose auth.
 */
export function nextPageRequest(options: {
  pagination: PaginationParams;
  request: HttpRequest;
  response: HttpResponse;
  pageItemCount: number;
}): HttpRequest | undefined {
  const { pagination: p, request, response } = options;
  if (options.pageItemCount === 0) return undefined;
  const fromUrl = (next: unknown): HttpRequest | undefined => {
    if (typeof next !== 'string' || next === '') return undefined;
    const url = new URL(next, request.url).toString();
    return url === effectiveUrl(request) ? undefined : { ...request, url, query: {} };
  };
  switch (p.mode) {
    case 'off':
      return undefined;
    case 'linkHeader':
      return fromUrl(nextLink(response.headers.link));
    case 'nextUrlField':
      return fromUrl(getPath(response.body, p.nextUrlField ?? ''));
    case 'cursorParam': {
      const cursor = getPath(response.body, p.cursorField ?? '');
      if (cursor === undefined || cursor === null || cursor === '' || cursor === false) return undefined;
      const param = p.cursorParam ?? 'cursor';
      if (String(cursor) === new URL(request.url).searchParams.get(param)) return undefined;
      return withParam(request, param, String(cursor));
    }
    case 'pageParam': {
      const param = p.pageParam ?? 'page';
      const current =
        toNumber(request.query?.[param]) ?? toNumber(new URL(request.url).searchParams.get(param)) ?? 1;
      return withParam(request, param, String(current + 1));
    }
  }
}
