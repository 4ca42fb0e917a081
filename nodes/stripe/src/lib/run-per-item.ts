import { runPerItem as runEachItem, validationErrorFromIssues } from '@shopwire/sdk';
import type { Item, NodeContext } from '@shopwire/sdk';
import { createStripeClient, type StripeClient } from '../client.js';
import { stripeCredentialSchema } from '../credentials.js';

/** The credential slot every Stripe node uses. */
export const STRIPE_SLOT = 'stripe';
export const stripeCredentialSlot = [{ name: STRIPE_SLOT, type: 'stripe.apiKey', required: true }];

export async function stripeClientFor(ctx: NodeContext<unknown>): Promise<StripeClient> {
  const raw = await ctx.credential(STRIPE_SLOT);
  const parsed = stripeCredentialSchema.safeParse(raw);
  if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, `credentials.${STRIPE_SLOT}`);
  return createStripeClient({
    http: ctx.http,
    credential: parsed.data,
    sleep: (ms) => ctx.sleep(ms),
    signal: ctx.signal,
  });
}

/** Runs `fn` once per input item with that item's params and a Stripe client (see the sdk's runPerItem). */
export async function runPerItem<P>(
  ctx: NodeContext<P>,
  fn: (input: { params: P; index: number; client: StripeClient }) => Promise<unknown>,
): Promise<Item[]> {
  const client = await stripeClientFor(ctx as NodeContext<unknown>);
  return runEachItem(ctx, { client }, fn);
}

/** Drops undefined / empty-string values so optional params are not sent. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== undefined && entry !== '') out[key] = entry;
  }
  return out as Partial<T>;
}
