import type { FakeResponse } from '../shared/index.js';

/** WooCommerce's (WP REST) error envelope: `{code, message, data:{status}}`. */
export function wooError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): FakeResponse {
  return { status, body: { code, message, data: { status, ...extra } } };
}

export const invalidParam = (param: string, why: string): FakeResponse =>
  wooError(400, 'rest_invalid_param', `Invalid parameter(s): ${param}`, {
    params: { [param]: why },
    details: {},
  });

export const noRoute = (): FakeResponse =>
  wooError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
