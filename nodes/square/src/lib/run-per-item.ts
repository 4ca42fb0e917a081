import { runPerItem as runEachItem, validationErrorFromIssues } from '@shopwire/sdk';
import type { Item, NodeContext } from '@shopwire/sdk';
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

/** Runs `fn` once per input item with that item's params and a Square client (see the sdk's runPerItem). */
export async function runPerItem<P>(
  ctx: NodeContext<P>,
  fn: (input: { params: P; index: number; client: SquareClient }) => Promise<unknown>,
): Promise<Item[]> {
  const client = await squareClientFor(ctx as NodeContext<unknown>);
  return runEachItem(ctx, { client }, fn);
}
