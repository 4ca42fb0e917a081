import { defineCredentialType, z } from '@shopwire/sdk';
import { KLAVIYO_REVISION, klaviyoApiRoot } from './client.js';

export const klaviyoCredentialSchema = z.object({
  privateKey: z
    .string()
    .min(1)
    .meta({
      title: 'Private API key',
      description: 'Settings → API keys (pk_…)',
      ui: { widget: 'password' },
    }),
  baseUrl: z
    .url()
    .default('https://a.klaviyo.com/api')
    .meta({ title: 'API base URL', description: 'Leave the default; tests point it at a local fake.' }),
});
export type KlaviyoCredential = z.output<typeof klaviyoCredentialSchema>;

export const klaviyoApiKey = defineCredentialType({
  type: 'klaviyo.apiKey',
  displayName: 'Klaviyo API key',
  description: `Klaviyo private API key (revision ${KLAVIYO_REVISION}).`,
  schema: klaviyoCredentialSchema,
  secretFields: ['privateKey'],
  authenticate: (data, request) => ({
    ...request,
    headers: {
      ...request.headers,
      authorization: `Klaviyo-API-Key ${data.privateKey}`,
      revision: KLAVIYO_REVISION,
      accept: 'application/vnd.api+json',
    },
  }),
  test: async (data, { http }) => {
    const response = await http.request({
      url: `${klaviyoApiRoot(data.baseUrl)}/accounts/`,
      headers: {
        authorization: `Klaviyo-API-Key ${data.privateKey}`,
        revision: KLAVIYO_REVISION,
        accept: 'application/vnd.api+json',
      },
      ignoreHttpStatusErrors: true,
      maxRetries: 2,
    });
    if (response.status === 200) return { ok: true, message: 'Connected to Klaviyo' };
    return { ok: false, message: `Klaviyo answered ${response.status}: ${firstErrorDetail(response.body)}` };
  },
});

function firstErrorDetail(body: unknown): string {
  const errors = (body as { errors?: { detail?: string; title?: string }[] } | null)?.errors;
  return errors?.[0]?.detail ?? errors?.[0]?.title ?? 'unexpected response';
}
