import { validationErrorFromIssues } from '@shopwire/sdk';
import type { CredentialSlot, HttpClient, Logger } from '@shopwire/sdk';
import { ShopifyClient } from '../client.js';
import { shopifyCredentialSchema } from '../credentials.js';
import type { ShopifyCredential } from '../credentials.js';

export const SHOPIFY_SLOT = 'shopify';
export const shopifyCredentials: CredentialSlot[] = [
  { name: SHOPIFY_SLOT, type: 'shopify.adminApi', required: true },
];

export async function loadCredential(ctx: {
  credential(slot: string): Promise<Record<string, unknown>>;
}): Promise<ShopifyCredential> {
  const parsed = shopifyCredentialSchema.safeParse(await ctx.credential(SHOPIFY_SLOT));
  if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, `credentials.${SHOPIFY_SLOT}`);
  return parsed.data;
}

/** A client for one node run (its throttle bookkeeping lives as long as the run). */
export async function shopifyClient(ctx: {
  credential(slot: string): Promise<Record<string, unknown>>;
  http: HttpClient;
  logger: Logger;
  signal?: AbortSignal;
  sleep?(ms: number): Promise<void>;
}): Promise<ShopifyClient> {
  return new ShopifyClient({
    http: ctx.http,
    credential: await loadCredential(ctx),
    sleep: ctx.sleep ? (ms) => ctx.sleep!(ms) : (ms) => new Promise((r) => setTimeout(r, ms)),
    logger: ctx.logger,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
}
