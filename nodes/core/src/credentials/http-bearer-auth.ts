import { defineCredentialType, z } from '@shopwire/sdk';

export const httpBearerAuth = defineCredentialType({
  type: 'core.httpBearerAuth',
  displayName: 'Bearer token',
  description: 'Sends `Authorization: Bearer <token>`.',
  schema: z.object({
    token: z
      .string()
      .min(1)
      .meta({ title: 'Token', ui: { widget: 'password' } }),
  }),
  secretFields: ['token'],
  authenticate: (data, request) => ({
    ...request,
    headers: { ...request.headers, authorization: `Bearer ${data.token}` },
  }),
});
