import { NodeError } from './errors.js';
import { isJsonObject } from './items.js';
import type { Item, JsonObject } from './items.js';
import type { NodeContext } from './define-node.js';

/**
 * The loop most action nodes need: `fn` runs once per input item (once when there is no input)
 * with that item's resolved params; returned objects (or arrays of them) become output items
 * paired to their input; a NodeError without an item index gets this item's.
 */
export async function runPerItem<P, E>(
  ctx: NodeContext<P>,
  extra: E,
  fn: (input: { params: P; index: number } & E) => Promise<unknown>,
): Promise<Item[]> {
  const count = Math.max(1, ctx.items.length);
  const out: Item[] = [];
  for (let index = 0; index < count; index++) {
    const params = ctx.itemParams[index] ?? ctx.params;
    let result: unknown;
    try {
      result = await fn({ ...extra, params, index });
    } catch (error) {
      throw withItemIndex(error, index, ctx.node.id);
    }
    const list = Array.isArray(result) ? result : [result];
    for (const value of list)
      if (isJsonObject(value)) out.push({ json: value as JsonObject, pairedItem: index });
  }
  return out;
}

/** Adds the item index (and node id) to a NodeError that doesn't name one yet. */
export function withItemIndex(error: unknown, itemIndex: number, nodeId: string): unknown {
  if (error instanceof NodeError && error.itemIndex === undefined) {
    return new NodeError(error.message, {
      code: error.code,
      itemIndex,
      nodeId,
      retryable: error.retryable,
      ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
      ...(error.description !== undefined ? { description: error.description } : {}),
      cause: error,
    });
  }
  return error;
}
