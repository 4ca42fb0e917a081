import { defineCredentialType, z } from '@shopwire/sdk';

export const httpHeaderAuth = defineCredentialType({
  type: 'core.httpHeaderAuth',
  displayName: 'Header auth',
  description: 'Sends a secret in a request header, e.g. X-API-Key.',
  schema: z.object({
    name: z
      .string()
      .min(1)
      .max(200)
      .meta({ title: 'Header name', ui: { placeholder: 'X-API-Key' } }),
    value: z
      .string()
      .min(1)
      .meta({ title: 'Header value', ui: { widget: 'password' } }),
  }),
  secretFields: ['value'],
  authenticate: (data, request) => ({ ...request, headers: { ...request.headers, [data.name]: data.value } }),
});
