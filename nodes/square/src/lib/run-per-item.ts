import { NodeError, isJsonObject, validationErrorFromIssues } from '@shopwire/sdk';
import type { Item, JsonObject, NodeContext } from '@shopwire/sdk';
import { createSquareClient, type SquareClient } from '../client.js';
import { squareCredentialSchema } from '../credentials.js';

/** The credential slot every Square node uses. */
export const SQUARE_SLOT = 'square';
export const squareCredentialSlot = [{ name: SQUARE_SLOT, type: 'square.accessToken', required: true }];

export async function squareClientFor(ctx: NodeContext<unknown>): Promise<SquareClient> {
  const raw = await ctx.credential(SQUARE_SLOT);
  const parsed = squareCredentialSchema.safeParse(raw);
  if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, `credentials.${SQUARE_SLOT}`);
  return createSquareClient({
    http: ctx.http,
    credential: parsed.data,
    sleep: (ms) => ctx.sleep(ms),
    signal: ctx.signal,
  });
}

/**
 * Runs `fn` once per input item (once when there is no input) with that item's params and client.
 * Returned objects become output items paired to the input; failures name the item.
 */
export async function runPerItem<P>(
  ctx: NodeContext<P>,
  fn: (input: { params: P; index: number; client: SquareClient }) => Promise<unknown>,
): Promise<Item[]> {
  const client = await squareClientFor(ctx as NodeContext<unknown>);
  const count = Math.max(1, ctx.items.length);
  const out: Item[] = [];
  for (let index = 0; index < count; index++) {
    const params = ctx.itemParams[index] ?? ctx.params;
    let result: unknown;
    try {
      result = await fn({ params, index, client });
    } catch (error) {
      throw withItem(error, index, ctx.node.id);
    }
    const list = Array.isArray(result) ? result : [result];
    for (const value of list)
      if (isJsonObject(value)) out.push({ json: value as JsonObject, pairedItem: index });
  }
  return out;
}

function withItem(error: unknown, itemIndex: number, nodeId: string): unknown {
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
