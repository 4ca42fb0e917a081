import { defineNode, z } from '@shopwire/sdk';
import { webhookCredentialTypes } from '../credentials/webhook-auth.js';
import { verifyWebhookAuth } from '../lib/verify-webhook-auth.js';

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
  authentication: z.enum(['none', 'headerToken', 'basic', 'hmac']).default('none').meta({
    title: 'Authentication',
    description:
      'none: anyone with the URL can call it; headerToken / basic / hmac: callers must present the credential set in "auth" (else 401, nothing runs)',
  }),
});

const CREDENTIAL_FOR = {
  headerToken: 'core.webhookHeaderAuth',
  basic: 'core.webhookBasicAuth',
  hmac: 'core.webhookHmac',
} as const;

function unauthorized(mode: string, reason: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (mode === 'basic') headers['www-authenticate'] = 'Basic realm="shopwire-webhook", charset="UTF-8"';
  return {
    reject: {
      status: 401,
      headers,
      body: { error: { code: 'WEBHOOK_UNAUTHORIZED', message: `webhook authentication failed: ${reason}` } },
    },
  };
}

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
  credentials: [{ name: 'auth', type: webhookCredentialTypes, required: false }],
  trigger: {
    type: 'webhook',
    webhook: (p) => ({
      path: p.path,
      methods: [p.method],
      responseMode: p.responseMode,
      responseCode: p.responseCode,
    }),
    async handle(request, ctx) {
      const mode = ctx.params.authentication;
      if (mode !== 'none') {
        let credential: Record<string, unknown>;
        try {
          credential = await ctx.credential('auth');
        } catch {
          // misconfigured: fail closed, and tell the caller no more than "not authorized"
          ctx.logger.warn('webhook authentication is on but its credential is missing or unreadable', {
            node: ctx.node.name,
          });
          return unauthorized(mode, 'the webhook has no usable credential');
        }
        let refused: string | undefined;
        try {
          refused = verifyWebhookAuth(mode, credential, request);
        } catch {
          ctx.logger.warn(`webhook credential does not fit ${CREDENTIAL_FOR[mode]}`, { node: ctx.node.name });
          refused = 'the webhook credential is not of the expected kind';
        }
        if (refused !== undefined) return unauthorized(mode, refused);
      }
      return {
        items: [
          {
            json: {
              body: request.body,
              headers: request.headers,
              query: request.query,
              params: request.pathParams,
            },
          },
        ],
      };
    },
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
