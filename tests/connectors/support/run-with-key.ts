import type { Item, NodeDefinition } from '@shopwire/sdk';
import { createTestContext } from '@shopwire/testing';

/** Runs a node like the engine does, with `key` as its idempotency-key prefix; returns the items' json. */
export async function runWithKey(options: {
  node: NodeDefinition;
  params: Record<string, unknown>;
  credentials: Record<string, Record<string, unknown>>;
  key: string;
  items?: Item[];
}): Promise<Record<string, unknown>[]> {
  const { ctx } = createTestContext({
    node: options.node,
    params: options.params,
    credentials: options.credentials,
    ...(options.items ? { items: options.items } : {}),
  });
  ctx.idempotencyKey = (i) => `${options.key}:${i ?? 0}`;
  const result = await options.node.run!(ctx);
  return (result as Item[]).map((item) => item.json);
}
