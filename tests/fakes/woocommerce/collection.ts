import type { FakeRequest, FakeResponse } from '../shared/index.js';
import { invalidParam } from './errors.js';
import type { WooRecord } from './state.js';

const toMs = (value: string): number => Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);

/** `after`, `before`, `modified_after`, `modified_before` (exclusive, like WP_Query's date_query). */
export function dateFilters(request: FakeRequest, rows: WooRecord[]): WooRecord[] | FakeResponse {
  const checks: [string, string, (a: number, b: number) => boolean][] = [
    ['after', 'date_created_gmt', (a, b) => a > b],
    ['before', 'date_created_gmt', (a, b) => a < b],
    ['modified_after', 'date_modified_gmt', (a, b) => a > b],
    ['modified_before', 'date_modified_gmt', (a, b) => a < b],
  ];
  let out = rows;
  for (const [param, field, cmp] of checks) {
    const value = request.query.get(param);
    if (value === null) continue;
    const limit = toMs(value);
    if (Number.isNaN(limit)) return invalidParam(param, `${param} is not a valid date.`);
    out = out.filter((r) => cmp(toMs(String(r[field])), limit));
  }
  return out;
}

/** orderby (date | id | modified | title) and order (asc | desc); default date desc, like WooCommerce. */
export function sortRows(request: FakeRequest, rows: WooRecord[]): WooRecord[] | FakeResponse {
  const orderby = request.query.get('orderby') ?? 'date';
  const order = request.query.get('order') ?? 'desc';
  if (!['date', 'id', 'modified', 'title', 'include'].includes(orderby))
    return invalidParam('orderby', 'orderby is not one of date, id, include, title, modified.');
  if (!['asc', 'desc'].includes(order)) return invalidParam('order', 'order is not one of asc, desc.');
  const key = (r: WooRecord): string | number =>
    orderby === 'id' || orderby === 'include'
      ? r.id
      : orderby === 'modified'
        ? String(r.date_modified_gmt)
        : orderby === 'title'
          ? String(r.name ?? '')
          : String(r.date_created_gmt);
  const sorted = [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : 0) || a.id - b.id;
  });
  return order === 'desc' ? sorted.reverse() : sorted;
}

/** page / per_page (≤ 100) with X-WP-Total, X-WP-TotalPages and a Link header. */
export function paginate(request: FakeRequest, rows: WooRecord[]): FakeResponse {
  const perPage = Number(request.query.get('per_page') ?? '10');
  const page = Number(request.query.get('page') ?? '1');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
    return invalidParam('per_page', 'per_page must be between 1 (inclusive) and 100 (inclusive)');
  if (!Number.isInteger(page) || page < 1)
    return invalidParam('page', 'page must be greater than or equal to 1');
  const totalPages = Math.ceil(rows.length / perPage);
  if (page > Math.max(1, totalPages) && rows.length > 0)
    return {
      status: 400,
      body: {
        code: 'rest_post_invalid_page_number',
        message: 'The page number requested is larger than the number of pages available.',
        data: { status: 400 },
      },
    };
  const link = (p: number) => {
    const url = new URL(request.url.toString());
    url.searchParams.set('page', String(p));
    return url.toString();
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${link(page - 1)}>; rel="prev"`);
  if (page < totalPages) links.push(`<${link(page + 1)}>; rel="next"`);
  const headers: Record<string, string> = {
    'x-wp-total': String(rows.length),
    'x-wp-totalpages': String(totalPages),
  };
  if (links.length) headers.link = links.join(', ');
  return { status: 200, headers, body: rows.slice((page - 1) * perPage, page * perPage) };
}

/** filter → sort → page, stopping at the first error response */
export function listResponse(request: FakeRequest, rows: WooRecord[]): FakeResponse {
  const filtered = dateFilters(request, rows);
  if (!Array.isArray(filtered)) return filtered;
  const sorted = sortRows(request, filtered);
  if (!Array.isArray(sorted)) return sorted;
  return paginate(request, sorted);
}
