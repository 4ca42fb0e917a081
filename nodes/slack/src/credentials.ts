import { defineCredentialType, z } from '@shopwire/sdk';
import { slackError } from './errors.js';

export const slackCredentialSchema = z.object({
  webhookUrl: z.url({ protocol: /^https?$/ }).meta({
    title: 'Webhook URL',
    description: 'https://hooks.slack.com/services/T…/B…/… from the Incoming Webhooks app',
    ui: { widget: 'password' },
  }),
});

export const slackIncomingWebhook = defineCredentialType({
  type: 'slack.incomingWebhook',
  displayName: 'Slack incoming webhook',
  description: 'The URL is the secret: anyone holding it can post to the channel.',
  schema: slackCredentialSchema,
  secretFields: ['webhookUrl'],
  // Slack has no read-only call for a webhook: an empty payload is refused with 400 "no_text" by a live
  // webhook (nothing is posted), while a revoked or deleted one answers 403/404/410.
  test: async (data, { http }) => {
    const response = await http.request<string>({
      method: 'POST',
      url: data.webhookUrl,
      json: {},
      responseType: 'text',
      ignoreHttpStatusErrors: true,
      maxRetries: 1,
    });
    const body = typeof response.body === 'string' ? response.body.trim() : '';
    if (response.status === 400 && (body === 'no_text' || body === 'invalid_payload'))
      return { ok: true, message: 'The webhook exists (test sent no message)' };
    if (response.status === 200) return { ok: true, message: 'The webhook accepted the request' };
    return { ok: false, message: slackError(response.status, body).message };
  },
});
