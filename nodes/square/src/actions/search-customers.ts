import { defineNode, z } from '@shopwire/sdk';
import customer from '../fixtures/customer.json' with { type: 'json' };
import { listParams } from '../lib/params.js';
import { runPerItem, squareCredentialSlot } from '../lib/run-per-item.js';

const params = z.object({
  email: z.string().trim().max(254).optional().meta({ title: 'Email', description: 'Empty: every customer' }),
  match: z.enum(['exact', 'fuzzy']).default('exact').meta({ title: 'Email match' }),
  ...listParams(100, 100),
});

export const searchCustomers = defineNode({
  type: 'square.searchCustomers',
  version: 1,
  displayName: 'Square: Search Customers',
  description: 'Finds customers by email (exact or fuzzy); one item per customer.',
  kind: 'action',
  group: 'Retail',
  icon: 'square',
  params,
  credentials: squareCredentialSlot,
  idempotent: true,
  sampleOutput: [{ json: customer }],
  run: (ctx) =>
    runPerItem(ctx, ({ params: p, client }) =>
      client.paginate(async (cursor) => {
        const res = await client.request<{ customers?: unknown[]; cursor?: string }>({
          method: 'POST',
          path: '/customers/search',
          json: {
            ...(p.email ? { query: { filter: { email_address: { [p.match]: p.email } } } } : {}),
            limit: p.returnAll ? p.pageSize : Math.min(p.pageSize, p.limit),
            cursor,
          },
        });
        return { items: res.customers, cursor: res.cursor };
      }, p),
    ),
});
