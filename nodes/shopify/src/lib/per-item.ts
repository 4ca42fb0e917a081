import { runPerItem } from '@shopwire/sdk';
import type { Item, JsonObject, NodeContext } from '@shopwire/sdk';

/**
 * Runs `fn` once per input item (or once with no input) and tags outputs with `pairedItem`; an
 * error names the item (the sdk's runPerItem).
 */
export function perItem<P>(
  ctx: NodeContext<P>,
  fn: (params: P, index: number) => Promise<JsonObject[]>,
): Promise<Item[]> {
  return runPerItem(ctx, {}, ({ params, index }) => fn(params, index));
}
