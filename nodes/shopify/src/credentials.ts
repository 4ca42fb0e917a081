import { defineCredentialType, z } from '@shopwire/sdk';
import type { HttpClient } from '@shopwire/sdk';
import { graphqlUrl } from './lib/urls.js';

const shopDomain = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[a-z0-9][a-z0-9.-]*$/i, 'a shop domain like boutique.myshopify.com (no https://)')
  .meta({ title: 'Shop domain', ui: { placeholder: 'boutique.myshopify.com' } });

export const shopifyCredentialSchema = z.object({
  shopDomain,
  accessToken: z
    .string()
    .min(1)
    .meta({ title: 'Admin API access token', ui: { widget: 'password', placeholder: 'shpat_…' } }),
  webhookSecret: z
    .string()
    .min(1)
    .optional()
    .meta({
      title: 'Webhook secret (app client secret)',
      description: 'Used to verify X-Shopify-Hmac-Sha256 on incoming webhooks',
      ui: { widget: 'password' },
    }),
  baseUrl: z.string().url().optional().meta({
    title: 'Base URL',
    description: 'Default https://{shopDomain}; set it to point at a test server',
  }),
});
export type ShopifyCredential = z.output<typeof shopifyCredentialSchema>;

export const shopifyAdminApi = defineCredentialType({
  type: 'shopify.adminApi',
  displayName: 'Shopify Admin API',
  description: 'A custom app access token for the Shopify Admin GraphQL API.',
  schema: shopifyCredentialSchema,
  secretFields: ['accessToken', 'webhookSecret'],
  authenticate: (data, request) => ({
    ...request,
    headers: { ...request.headers, 'X-Shopify-Access-Token': data.accessToken },
  }),
  test: async (data, ctx: { http: HttpClient }) => {
    const res = await ctx.http.request<{ data?: { shop?: { name?: string } }; errors?: unknown }>({
      method: 'POST',
      url: graphqlUrl(data),
      headers: { 'X-Shopify-Access-Token': data.accessToken },
      json: { query: 'query ShopName { shop { name } }', operationName: 'ShopName' },
      ignoreHttpStatusErrors: true,
      maxRetries: 1,
    });
    const name = res.body?.data?.shop?.name;
    if (res.status === 200 && typeof name === 'string') return { ok: true, message: `Connected to ${name}` };
    if (res.status === 401 || res.status === 403)
      return { ok: false, message: 'Shopify refused the access token (check the token and its scopes)' };
    return { ok: false, message: `Unexpected answer from Shopify (HTTP ${res.status})` };
  },
});
