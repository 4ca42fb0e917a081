import { defineCredentialType, z } from '@shopwire/sdk';
import { accountUrl, basicAuth, twilioError } from './client.js';

export const twilioCredentialSchema = z.object({
  accountSid: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must look like AC followed by 32 hex characters')
    .meta({ title: 'Account SID' }),
  authToken: z
    .string()
    .min(1)
    .meta({ title: 'Auth token', ui: { widget: 'password' } }),
  fromNumber: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +15005550006')
    .optional()
    .meta({ title: 'Default From number' }),
  messagingServiceSid: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, 'must look like MG followed by 32 hex characters')
    .optional()
    .meta({ title: 'Default Messaging Service SID', description: 'Used instead of From when set' }),
  baseUrl: z.url().default('https://api.twilio.com').meta({ title: 'API base URL' }),
});

export const twilioAccount = defineCredentialType({
  type: 'twilio.account',
  displayName: 'Twilio account',
  description: 'Account SID and Auth Token (HTTP Basic).',
  schema: twilioCredentialSchema,
  secretFields: ['authToken'],
  authenticate: (data, request) => ({
    ...request,
    headers: { ...request.headers, authorization: basicAuth(data) },
  }),
  test: async (data, { http }) => {
    const response = await http.request<{ friendly_name?: string; status?: string }>({
      url: accountUrl({ ...data, baseUrl: data.baseUrl.replace(/\/+$/, '') }),
      headers: { authorization: basicAuth(data), accept: 'application/json' },
      ignoreHttpStatusErrors: true,
      maxRetries: 2,
    });
    if (response.status === 200)
      return {
        ok: true,
        message: `Connected to Twilio account ${response.body.friendly_name ?? data.accountSid} (${response.body.status ?? 'active'})`,
      };
    return { ok: false, message: twilioError(response.status, response.body).message };
  },
});
