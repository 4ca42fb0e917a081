import type { ShopifyClient } from '../client.js';

export interface Connection<N> {
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface PaginateOptions<N> {
  document: string;
  variables: Record<string, unknown>;
  /** where the connection is in `data` */
  select(data: Record<string, unknown>): Connection<N> | undefined;
  /** stop after this many nodes (undefined: all) */
  limit?: number;
  /** page size, ≤ 250 */
  pageSize: number;
  /** hard stop so a huge shop can't run forever */
  maxPages: number;
}

export interface PageResult<N> {
  nodes: N[];
  pages: number;
  /** true when maxPages stopped it before the end */
  truncated: boolean;
}

/** Follows `pageInfo{hasNextPage,endCursor}` with `first`/`after`. */
export async function paginate<N>(
  client: ShopifyClient,
  options: PaginateOptions<N>,
): Promise<PageResult<N>> {
  const nodes: N[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const remaining = options.limit === undefined ? Infinity : options.limit - nodes.length;
    if (remaining <= 0) return { nodes, pages, truncated: false };
    if (pages >= options.maxPages) return { nodes, pages, truncated: true };
    const first = Math.max(1, Math.min(250, options.pageSize, remaining));
    const data = await client.query<Record<string, unknown>>(
      options.document,
      { ...options.variables, first, after },
      { estimatedCost: first + 2 },
    );
    pages++;
    const connection = options.select(data);
    if (!connection) return { nodes, pages, truncated: false };
    nodes.push(...connection.nodes.slice(0, remaining));
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor)
      return { nodes, pages, truncated: false };
    after = connection.pageInfo.endCursor;
  }
}
