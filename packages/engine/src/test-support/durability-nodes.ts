import { NetworkDownError, NodeError, defineNode, z } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';

/**
 * Test actions for crash and network durability. `idempotent` is a param so one node type covers
 * both cases (and the params-derived form of `idempotent`). `count` returns the run's number.
 */
export function createDurabilityNodes(count: (id: string) => number, order: string[]): NodeDefinition[] {
  return [
    defineNode({
      type: 'test.action',
      version: 1,
      displayName: 'Action',
      description: 'a side effect that reports its idempotency key',
      kind: 'action',
      group: 'Actions',
      params: z.object({ idempotent: z.boolean().default(false) }),
      idempotent: (p) => p.idempotent,
      run: async (ctx) => {
        count(ctx.node.id);
        order.push(`run:${ctx.node.id}`);
        return ctx.items.map((i) => ({ json: { ...i.json, key: ctx.idempotencyKey(0) } }));
      },
    }),
    defineNode({
      type: 'test.network',
      version: 1,
      displayName: 'Network call',
      description: 'fails with NETWORK_DOWN for its first `failures` runs',
      kind: 'action',
      group: 'Actions',
      params: z.object({
        failures: z.number().int(),
        sent: z.boolean().default(false),
        idempotent: z.boolean().default(false),
        /** re-wrap the error as nodes do to add the item index (the flag stays on the cause) */
        wrap: z.boolean().default(false),
      }),
      idempotent: (p) => p.idempotent,
      run: async (ctx) => {
        const n = count(ctx.node.id);
        if (n <= ctx.params.failures) {
          const down = new NetworkDownError(
            `POST https://api.example/x failed: connect ECONNREFUSED (${n})`,
            {
              sent: ctx.params.sent,
            },
          );
          if (!ctx.params.wrap) throw down;
          throw new NodeError(down.message, { code: down.code, retryable: true, itemIndex: 0, cause: down });
        }
        return ctx.items.map((i) => ({ json: { ...i.json, calls: n, key: ctx.idempotencyKey(0) } }));
      },
    }),
  ];
}
