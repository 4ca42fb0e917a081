import { defineCredentialType, z } from '@shopwire/sdk';
import type { HttpClient } from '@shopwire/sdk';
import { apiBase, basicAuth } from './lib/urls.js';

export const wooCredentialSchema = z.object({
  storeUrl: z
    .string()
    .url()
    .meta({ title: 'Store URL', ui: { placeholder: 'https://shop.example.com' } }),
  consumerKey: z
    .string()
    .trim()
    .regex(/^ck_[A-Za-z0-9]+$/, 'a consumer key starts with ck_')
    .meta({ title: 'Consumer key', ui: { placeholder: 'ck_…' } }),
  consumerSecret: z
    .string()
    .trim()
    .regex(/^cs_[A-Za-z0-9]+$/, 'a consumer secret starts with cs_')
    .meta({ title: 'Consumer secret', ui: { widget: 'password', placeholder: 'cs_…' } }),
  webhookSecret: z
    .string()
    .min(1)
    .optional()
    .meta({
      title: 'Webhook secret',
      description: 'Registered with the webhooks Shopwire creates; verifies X-WC-Webhook-Signature',
      ui: { widget: 'password' },
    }),
  baseUrl: z
    .string()
    .url()
    .optional()
    .meta({ title: 'Base URL', description: 'Default: the store URL; set it to point at a test server' }),
});
export type WooCredential = z.output<typeof wooCredentialSchema>;

export const wooRestApi = defineCredentialType({
  type: 'woocommerce.restApi',
  displayName: 'WooCommerce REST API',
  description: 'A WooCommerce REST API key (WooCommerce → Settings → Advanced → REST API), read/write.',
  schema: wooCredentialSchema,
  secretFields: ['consumerSecret', 'webhookSecret'],
  authenticate: (data, request) => ({
    ...request,
    headers: { ...request.headers, authorization: basicAuth(data) },
  }),
  test: async (data, ctx: { http: HttpClient }) => {
    const res = await ctx.http.request<{
      environment?: { site_url?: string; version?: string };
      message?: string;
    }>({
      url: `${apiBase(data)}/system_status`,
      headers: { authorization: basicAuth(data) },
      ignoreHttpStatusErrors: true,
      maxRetries: 1,
    });
    if (res.status === 200) {
      const env = res.body?.environment;
      return {
        ok: true,
        message: `Connected to ${env?.site_url ?? data.storeUrl}${env?.version ? ` (WooCommerce ${env.version})` : ''}`,
      };
    }
    if (res.status === 401 || res.status === 403)
      return {
        ok: false,
        message: `WooCommerce refused the key: ${res.body?.message ?? `HTTP ${res.status}`} (check it has read/write access)`,
      };
    return { ok: false, message: `Unexpected answer from WooCommerce (HTTP ${res.status})` };
  },
});
