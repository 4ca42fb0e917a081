import type { FakeRequest, FakeResponse } from '../shared/index.js';
import type { CostBucket } from './bucket.js';
import { GraphqlError } from './connection.js';
import { inventoryMutations } from './inventory-mutations.js';
import type { Operation } from './operation.js';
import { otherMutations } from './other-mutations.js';
import { queryOperations } from './queries.js';
import type { ShopifyFakeState } from './state.js';

const INVALID_TOKEN = '[API] Invalid API key or access token (unrecognized login or wrong password)';
const MUTATIONS: Record<string, Operation> = { ...inventoryMutations, ...otherMutations };

export interface GraphqlHandlerOptions {
  state: ShopifyFakeState;
  bucket: CostBucket;
  accessToken: string;
  /** HTTP status of a Throttled answer (Shopify mostly sends 200; 429 happens too) */
  throttledStatus: () => number;
}

/** `{ … }` after the operation header: the first root field (no full GraphQL parser needed). */
export function rootFieldOf(document: string): { kind: 'query' | 'mutation'; field: string } | undefined {
  const m =
    /^\s*(query|mutation)?\s*([A-Za-z_]\w*)?\s*(\([^)]*\))?\s*(@\w+(\([^)]*\))?\s*)*\{\s*([A-Za-z_]\w*)/.exec(
      document,
    );
  if (!m?.[6]) return undefined;
  return { kind: m[1] === 'mutation' ? 'mutation' : 'query', field: m[6] };
}

export function createGraphqlHandler(options: GraphqlHandlerOptions) {
  const { state, bucket } = options;
  return (request: FakeRequest): FakeResponse => {
    if (request.headers['x-shopify-access-token'] !== options.accessToken) {
      return { status: 401, body: { errors: INVALID_TOKEN } };
    }
    const body = request.body as { query?: unknown; variables?: unknown } | undefined | null;
    if (!body || typeof body.query !== 'string') {
      return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
    }
    const variables = (body.variables && typeof body.variables === 'object' ? body.variables : {}) as Record<
      string,
      unknown
    >;
    const root = rootFieldOf(body.query);
    const table = root?.kind === 'mutation' ? MUTATIONS : queryOperations;
    const operation = root ? table[root.field] : undefined;
    if (!root || !operation) {
      const typeName = root?.kind === 'mutation' ? 'Mutation' : 'QueryRoot';
      return {
        status: 200,
        body: {
          errors: [
            {
              message: root
                ? `Field '${root.field}' doesn't exist on type '${typeName}'`
                : 'syntax error, unexpected end of file',
              locations: [{ line: 1, column: 1 }],
              path: root ? [root.kind, root.field] : [],
              extensions: root
                ? { code: 'undefinedField', typeName, fieldName: root.field }
                : { code: 'parseError' },
            },
          ],
        },
      };
    }
    const requested = operation.cost(variables);
    if (!bucket.take(requested)) {
      state.throttled += 1;
      return {
        status: options.throttledStatus(),
        body: {
          errors: [
            {
              message: 'Throttled',
              extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
            },
          ],
          extensions: {
            cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() },
          },
        },
      };
    }
    const version = request.params.version ?? '';
    try {
      const result = operation.run({ state, variables, document: body.query, version });
      const actual = Math.min(requested, result.actualCost ?? requested);
      bucket.refund(requested - actual);
      return {
        status: 200,
        body: {
          data: { [root.field]: result.data },
          extensions: {
            cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
          },
        },
      };
    } catch (error) {
      if (!(error instanceof GraphqlError)) throw error;
      return {
        status: 200,
        body: {
          data: null,
          errors: [
            {
              message: error.message,
              ...(error.path ? { path: error.path } : {}),
              extensions: { code: error.code },
            },
          ],
          extensions: {
            cost: { requestedQueryCost: requested, actualQueryCost: 1, throttleStatus: bucket.status() },
          },
        },
      };
    }
  };
}
