import { defineNode, z } from '@shopwire/sdk';

const SEGMENT = String.raw`(?:[A-Za-z0-9._~-]+|:[A-Za-z_][A-Za-z0-9_]*)`;
const PATH = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`);

const params = z.object({
  path: z
    .string()
    .min(1)
    .max(200)
    .regex(
      PATH,
      'use segments like "orders/new" or "orders/:id" (letters, digits, . _ ~ -; no leading slash)',
    )
    .meta({
      title: 'Path',
      description: 'Part of the URL after /webhook/. `:name` captures a path parameter.',
      ui: { placeholder: 'orders/:id' },
    }),
  method: z
    .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'])
    .default('POST')
    .meta({ title: 'HTTP method' }),
  responseMode: z.enum(['immediately', 'lastNode', 'responseNode']).default('immediately').meta({
    title: 'Respond',
    description:
      'immediately: answer at once; lastNode: answer with the last node\'s output; responseNode: a "Respond to webhook" node answers',
  }),
  responseCode: z.number().int().min(100).max(599).default(200).meta({ title: 'Response code' }),
});

export const webhook = defineNode({
  type: 'core.webhook',
  version: 1,
  displayName: 'Webhook',
  description:
    'Starts the workflow when an HTTP request arrives at its URL. Each request becomes one item with body, headers, query and path params.',
  kind: 'trigger',
  group: 'Triggers',
  icon: 'webhook',
  params,
  trigger: {
    type: 'webhook',
    webhook: (p) => ({
      path: p.path,
      methods: [p.method],
      responseMode: p.responseMode,
      responseCode: p.responseCode,
    }),
  },
  sampleOutput: [
    {
      json: {
        body: { orderId: 1001, total: 42.5 },
        headers: { 'content-type': 'application/json' },
        query: {},
        params: {},
      },
    },
  ],
  run: async (ctx) => ctx.items,
});
