import { defineCredentialType, z } from '@shopwire/sdk';
import { createSmtpTransport, parseSmtpSettings, smtpError } from './transport.js';

export const smtpCredentialSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .meta({ title: 'SMTP host', ui: { placeholder: 'smtp.example.com' } }),
  port: z
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(587)
    .meta({ title: 'Port', description: '465 = implicit TLS, 587 = STARTTLS' }),
  secure: z.boolean().optional().meta({ title: 'Implicit TLS', description: 'Default: on for port 465' }),
  user: z.string().max(320).optional().meta({ title: 'User' }),
  password: z
    .string()
    .max(1000)
    .optional()
    .meta({ title: 'Password', ui: { widget: 'password' } }),
  from: z
    .string()
    .trim()
    .min(3)
    .max(320)
    .meta({ title: 'From', ui: { placeholder: 'Demo Boutique <shop@example.com>' } }),
  allowSelfSigned: z
    .boolean()
    .default(false)
    .meta({ title: 'Accept self-signed certificates', description: 'Only for servers you run yourself' }),
});

export const smtpCredential = defineCredentialType({
  type: 'email.smtp',
  displayName: 'SMTP server',
  description: 'Any SMTP server (your mail provider, Postmark/SES/Mailgun SMTP, …).',
  schema: smtpCredentialSchema,
  secretFields: ['password'],
  test: async (data) => {
    const transport = await createSmtpTransport(parseSmtpSettings(data));
    try {
      await transport.verify();
      return { ok: true, message: `Connected to ${data.host}:${data.port}` };
    } catch (error) {
      return { ok: false, message: smtpError(error).message };
    } finally {
      transport.close();
    }
  },
});
