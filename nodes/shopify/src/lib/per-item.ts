import { NodeError } from '@shopwire/sdk';
import type { Item, JsonObject, NodeContext } from '@shopwire/sdk';

/**
 * Runs `fn` once per input item (or once with no input) and tags outputs with `pairedItem`.
 * Errors carry the item index so the engine's per-item policy can report it.
 */
export async function perItem<P>(
  ctx: NodeContext<P>,
  fn: (params: P, index: number) => Promise<JsonObject[]>,
): Promise<Item[]> {
  const out: Item[] = [];
  for (let i = 0; i < ctx.itemParams.length; i++) {
    let results: JsonObject[];
    try {
      results = await fn(ctx.itemParams[i]!, i);
    } catch (error) {
      if (error instanceof NodeError && error.itemIndex === undefined && ctx.itemParams.length > 1) {
        throw new NodeError(error.message, {
          code: error.code,
          itemIndex: i,
          retryable: error.retryable,
          ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
          ...(error.description !== undefined ? { description: error.description } : {}),
          cause: error,
        });
      }
      throw error;
    }
    for (const json of results) out.push({ json, pairedItem: i });
  }
  return out;
}
