import { defineCredentialType, z } from '@shopwire/sdk';

/**
 * Credentials a caller must present to a Webhook trigger (inbound): they are checked, never sent.
 * Secrets are compared in constant time (lib/verify-webhook-auth.ts).
 */

export const webhookHeaderAuth = defineCredentialType({
  type: 'core.webhookHeaderAuth',
  displayName: 'Webhook header token',
  description: 'Callers must send this token in a header, e.g. X-Webhook-Token.',
  schema: z.object({
    headerName: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be a valid HTTP header name')
      .meta({ title: 'Header name', ui: { placeholder: 'X-Webhook-Token' } }),
    token: z
      .string()
      .min(8, 'use at least 8 characters')
      .meta({ title: 'Token', ui: { widget: 'password' } }),
  }),
  secretFields: ['token'],
});

export const webhookBasicAuth = defineCredentialType({
  type: 'core.webhookBasicAuth',
  displayName: 'Webhook basic auth',
  description: 'Callers must send HTTP Basic authentication with this user and password.',
  schema: z.object({
    user: z.string().min(1).max(200).meta({ title: 'User' }),
    password: z
      .string()
      .min(8, 'use at least 8 characters')
      .meta({ title: 'Password', ui: { widget: 'password' } }),
  }),
  secretFields: ['password'],
});

export const webhookHmac = defineCredentialType({
  type: 'core.webhookHmac',
  displayName: 'Webhook HMAC signature',
  description:
    'Callers must sign the raw body with HMAC and send the signature in a header (GitHub / Shopify style).',
  schema: z.object({
    headerName: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be a valid HTTP header name')
      .meta({ title: 'Signature header', ui: { placeholder: 'X-Signature-256' } }),
    secret: z
      .string()
      .min(8, 'use at least 8 characters')
      .meta({ title: 'Secret', ui: { widget: 'password' } }),
    algorithm: z.enum(['sha256', 'sha1']).default('sha256').meta({ title: 'Algorithm' }),
    encoding: z.enum(['hex', 'base64']).default('hex').meta({ title: 'Encoding' }),
    prefix: z
      .string()
      .max(50)
      .optional()
      .meta({
        title: 'Prefix',
        description: 'Text before the signature, e.g. "sha256="',
        ui: { placeholder: 'sha256=' },
      }),
  }),
  secretFields: ['secret'],
});

export const webhookCredentialTypes = ['core.webhookHeaderAuth', 'core.webhookBasicAuth', 'core.webhookHmac'];
