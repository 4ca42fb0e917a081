import { defineCredentialType, z } from '@shopwire/sdk';
import { SQUARE_VERSION, squareApiRoot } from './lib/base-url.js';

export const squareCredentialSchema = z.object({
  accessToken: z
    .string()
    .min(10)
    .max(512)
    .meta({ title: 'Access token', ui: { widget: 'password', placeholder: 'EAAA…' } }),
  signatureKey: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .meta({
      title: 'Webhook signature key',
      description:
        'From the webhook subscription in the Square Developer Console; needed by the Square Trigger',
      ui: { widget: 'password' },
    }),
  notificationUrl: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({
      title: 'Notification URL',
      description: 'The exact URL Square calls (it is part of the signature): the Square Trigger URL',
    }),
  environment: z.enum(['production', 'sandbox']).default('production').meta({ title: 'Environment' }),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({ title: 'Base URL', description: 'Overrides the environment URL (set for a local fake)' }),
});
export type SquareCredential = z.output<typeof squareCredentialSchema>;

export const squareAccessToken = defineCredentialType({
  type: 'square.accessToken',
  displayName: 'Square access token',
  description: 'A personal or OAuth access token, and the signature key of your webhook subscription.',
  schema: squareCredentialSchema,
  secretFields: ['accessToken', 'signatureKey'],
  authenticate: (data, request) => ({
    ...request,
    headers: {
      ...request.headers,
      authorization: `Bearer ${data.accessToken}`,
      'square-version': SQUARE_VERSION,
    },
  }),
  test: async (data, ctx) => {
    const res = await ctx.http.request<{ locations?: unknown[]; errors?: { detail?: string }[] }>({
      url: `${squareApiRoot(data)}/locations`,
      headers: { authorization: `Bearer ${data.accessToken}`, 'square-version': SQUARE_VERSION },
      maxRetries: 1,
      timeoutMs: 10_000,
      ignoreHttpStatusErrors: true,
    });
    if (res.status >= 200 && res.status < 300)
      return { ok: true, message: `Connected to Square (${res.body?.locations?.length ?? 0} locations)` };
    return {
      ok: false,
      message: `Square answered ${res.status}: ${res.body?.errors?.[0]?.detail ?? 'unknown error'}`,
    };
  },
});
