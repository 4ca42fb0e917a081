import { badRequest } from './errors.js';

/** Opaque cursors (base64url of the offset and a check of the query): absent on the last page. */
export function page<T>(
  all: T[],
  options: { cursor: unknown; limit: number; scope: string },
): { items: T[]; cursor?: string } {
  let offset = 0;
  if (options.cursor !== undefined && options.cursor !== null && options.cursor !== '') {
    const decoded = decode(String(options.cursor));
    if (!decoded || decoded.scope !== options.scope)
      throw badRequest('INVALID_CURSOR', 'The pagination cursor is not valid for this request.', 'cursor');
    offset = decoded.offset;
  }
  const items = all.slice(offset, offset + options.limit);
  const next = offset + options.limit;
  return next < all.length
    ? { items, cursor: Buffer.from(JSON.stringify({ o: next, s: options.scope })).toString('base64url') }
    : { items };
}

function decode(cursor: string): { offset: number; scope: string } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      o?: unknown;
      s?: unknown;
    };
    if (typeof parsed.o === 'number' && typeof parsed.s === 'string')
      return { offset: parsed.o, scope: parsed.s };
  } catch {
    // fall through
  }
  return undefined;
}

/** Validates a `limit` within 1..max (Square answers 400 INVALID_VALUE otherwise). */
export function limitOf(value: unknown, options: { max: number; fallback: number; field?: string }): number {
  if (value === undefined || value === null || value === '') return options.fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > options.max)
    throw badRequest('INVALID_VALUE', `Limit must be between 1 and ${options.max}`, options.field ?? 'limit');
  return n;
}
