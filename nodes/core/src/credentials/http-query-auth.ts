import { defineCredentialType, z } from '@shopwire/sdk';

export const httpQueryAuth = defineCredentialType({
  type: 'core.httpQueryAuth',
  displayName: 'Query parameter auth',
  description: 'Sends a secret as a query parameter, e.g. ?api_key=…',
  schema: z.object({
    name: z
      .string()
      .min(1)
      .max(200)
      .meta({ title: 'Parameter name', ui: { placeholder: 'api_key' } }),
    value: z
      .string()
      .min(1)
      .meta({ title: 'Parameter value', ui: { widget: 'password' } }),
  }),
  secretFields: ['value'],
  authenticate: (data, request) => ({ ...request, query: { ...request.query, [data.name]: data.value } }),
});
