import type { FakeRequest, FakeResponse } from '../shared/index.js';
import { wooError } from './errors.js';

/** Basic `ck:cs` (HTTPS) or `?consumer_key=&consumer_secret=` query parameters, like WooCommerce. */
export function checkAuth(
  request: FakeRequest,
  keys: { consumerKey: string; consumerSecret: string },
): FakeResponse | undefined {
  let key: string | undefined;
  let secret: string | undefined;
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    if (at > 0) [key, secret] = [decoded.slice(0, at), decoded.slice(at + 1)];
  } else {
    key = request.query.get('consumer_key') ?? undefined;
    secret = request.query.get('consumer_secret') ?? undefined;
  }
  if (key === keys.consumerKey && secret === keys.consumerSecret) return undefined;
  return denied(request);
}

function denied(request: FakeRequest): FakeResponse {
  const single = /\/\d+$/.test(request.path);
  switch (request.method) {
    case 'POST':
      return wooError(
        401,
        'woocommerce_rest_cannot_create',
        'Sorry, you are not allowed to create resources.',
      );
    case 'PUT':
    case 'PATCH':
      return wooError(
        401,
        'woocommerce_rest_cannot_edit',
        'Sorry, you are not allowed to edit this resource.',
      );
    case 'DELETE':
      return wooError(
        401,
        'woocommerce_rest_cannot_delete',
        'Sorry, you are not allowed to delete this resource.',
      );
    default:
      return single
        ? wooError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot view this resource.')
        : wooError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
  }
}
