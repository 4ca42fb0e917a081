/** Cursor pagination like Shopify's: opaque cursors, `first` ≤ 250, `pageInfo{hasNextPage,endCursor}`. */
export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly path?: string[],
  ) {
    super(message);
  }
}

export function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ last_id: id })).toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { last_id?: unknown };
    if (typeof parsed.last_id === 'string') return parsed.last_id;
  } catch {
    // fall through
  }
  throw new GraphqlError('Invalid cursor for current pagination sort.', 'BAD_REQUEST');
}

export function pageOf<T extends { id: string }, V>(options: {
  root: string;
  rows: T[];
  first: unknown;
  after: unknown;
  view: (row: T) => V;
}): {
  connection: {
    nodes: V[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      endCursor: string | null;
      startCursor: string | null;
    };
  };
  count: number;
} {
  const first = options.first;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > 250) {
    throw new GraphqlError(
      `${options.root}: first must be an integer between 1 and 250 (got ${JSON.stringify(first)})`,
      'BAD_REQUEST',
      [options.root],
    );
  }
  let start = 0;
  if (typeof options.after === 'string' && options.after !== '') {
    const id = decodeCursor(options.after);
    const at = options.rows.findIndex((r) => r.id === id);
    if (at === -1)
      throw new GraphqlError('Invalid cursor for current pagination sort.', 'BAD_REQUEST', [options.root]);
    start = at + 1;
  }
  const slice = options.rows.slice(start, start + first);
  const last = slice[slice.length - 1];
  return {
    connection: {
      nodes: slice.map(options.view),
      pageInfo: {
        hasNextPage: start + first < options.rows.length,
        hasPreviousPage: start > 0,
        startCursor: slice[0] ? encodeCursor(slice[0].id) : null,
        endCursor: last ? encodeCursor(last.id) : null,
      },
    },
    count: slice.length,
  };
}
