import { defineCredentialType, z } from '@shopwire/sdk';
import { STRIPE_API_VERSION, stripeApiRoot } from './lib/base-url.js';

export const stripeCredentialSchema = z.object({
  secretKey: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret or restricted key (sk_… / rk_…)')
    .meta({ title: 'Secret key', ui: { widget: 'password', placeholder: 'sk_live_…' } }),
  webhookSecret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=_-]+$/, 'must be a webhook signing secret (whsec_…)')
    .optional()
    .meta({
      title: 'Webhook signing secret',
      description: 'From the webhook endpoint in the Stripe dashboard; needed by the Stripe Trigger',
      ui: { widget: 'password', placeholder: 'whsec_…' },
    }),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({ title: 'Base URL', description: 'Default https://api.stripe.com (set for a local fake)' }),
});
export type StripeCredential = z.output<typeof stripeCredentialSchema>;

export const stripeApiKey = defineCredentialType({
  type: 'stripe.apiKey',
  displayName: 'Stripe API key',
  description: 'A secret (sk_…) or restricted (rk_…) key, and the signing secret of your webhook endpoint.',
  schema: stripeCredentialSchema,
  secretFields: ['secretKey', 'webhookSecret'],
  authenticate: (data, request) => ({
    ...request,
    headers: { ...request.headers, authorization: `Bearer ${data.secretKey}` },
  }),
  test: async (data, ctx) => {
    const res = await ctx.http.request<{ error?: { message?: string } }>({
      url: `${stripeApiRoot(data.baseUrl)}/balance`,
      headers: { authorization: `Bearer ${data.secretKey}`, 'stripe-version': STRIPE_API_VERSION },
      maxRetries: 1,
      timeoutMs: 10_000,
      ignoreHttpStatusErrors: true,
    });
    if (res.status >= 200 && res.status < 300) {
      const mode = data.secretKey.includes('_test_') ? 'test' : 'live';
      return { ok: true, message: `Connected to Stripe (${mode} mode)` };
    }
    return {
      ok: false,
      message: `Stripe answered ${res.status}: ${res.body?.error?.message ?? 'unknown error'}`,
    };
  },
});
