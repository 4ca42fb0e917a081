import type { ShopifyFakeState } from './state.js';

export interface OperationContext {
  state: ShopifyFakeState;
  variables: Record<string, unknown>;
  /** the whole document (mutations read the @idempotent key from it) */
  document: string;
  /** API version from the URL, e.g. 2026-04 */
  version: string;
}

/** One root field the fake understands: its requested cost and what it answers. */
export interface Operation {
  cost(variables: Record<string, unknown>): number;
  run(ctx: OperationContext): { data: unknown; actualCost?: number };
}
