import { ValidationError } from '@shopwire/sdk';
import type { Item, JsonObject, NodeContext } from '@shopwire/sdk';

/**
 * Runs `compute` once per input item with that item's resolved params and merges the result into
 * the item's json. Without input items it runs once on the params alone and returns one item, so
 * the node also works as a plain calculator.
 */
export function enrichEachItem<P>(
  ctx: NodeContext<P>,
  compute: (params: P, json: JsonObject, itemIndex: number) => JsonObject,
): Item[] {
  if (ctx.items.length === 0) return [{ json: compute(ctx.params, {}, 0) }];
  return ctx.items.map((item, index) => ({
    json: { ...item.json, ...compute(ctx.itemParams[index] ?? ctx.params, item.json, index) },
    pairedItem: index,
  }));
}

/** Turns a math RangeError into a ValidationError that names the param and the item. */
export function guardRange<T>(field: string, itemIndex: number, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) throw new ValidationError(field, `item ${itemIndex}: ${error.message}`);
    throw error;
  }
}
