import { defineCredentialType, z } from '@shopwire/sdk';

export const httpBasicAuth = defineCredentialType({
  type: 'core.httpBasicAuth',
  displayName: 'Basic auth',
  description: 'HTTP Basic authentication (user name and password).',
  schema: z.object({
    user: z.string().min(1).meta({ title: 'User' }),
    password: z.string().meta({ title: 'Password', ui: { widget: 'password' } }),
  }),
  secretFields: ['password'],
  authenticate: (data, request) => ({
    ...request,
    headers: {
      ...request.headers,
      authorization: `Basic ${Buffer.from(`${data.user}:${data.password}`, 'utf8').toString('base64')}`,
    },
  }),
});
