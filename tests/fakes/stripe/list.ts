import { StripeFakeError, invalidParam } from './errors.js';
import type { StripeObject } from './state.js';

/** `{object:"list", has_more, data, url}`: newest first, `limit` 1..100 (default 10), `starting_after` / `ending_before`. */
export function paginate(
  all: StripeObject[],
  query: URLSearchParams,
  url: string,
  filter: (o: StripeObject) => boolean = () => true,
): { object: 'list'; url: string; has_more: boolean; data: StripeObject[] } {
  const limitText = query.get('limit');
  const limit = limitText === null ? 10 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw invalidParam(
      'limit',
      'This value must be greater than or equal to 1 and less than or equal to 100.',
      'parameter_invalid_integer',
    );
  const createdGte = query.get('created[gte]');
  const filtered = [...all]
    .reverse()
    .filter((o) => filter(o) && (createdGte === null || o.created >= Number(createdGte)));
  let start = 0;
  const after = query.get('starting_after');
  if (after) {
    const at = filtered.findIndex((o) => o.id === after);
    if (at === -1) {
      throw new StripeFakeError(400, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'starting_after',
        message: `No such object: '${after}'`,
      });
    }
    start = at + 1;
  }
  const data = filtered.slice(start, start + limit);
  return { object: 'list', url, has_more: start + limit < filtered.length, data };
}
