import { ValidationError, defineNode, z } from '@shopwire/sdk';
import type { Item, JsonObject } from '@shopwire/sdk';
import { accountUrl, atItem, parseTwilioAccount, twilioRequest } from '../client.js';
import type { TwilioAccount } from '../client.js';
import { sampleMessage } from '../fixtures/samples.js';

/** Twilio rejects longer bodies (error 21617). */
export const MAX_BODY = 1600;

const params = z.object({
  to: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .meta({ title: 'To', description: 'E.164 phone number', ui: { placeholder: '{{ $json.phone }}' } }),
  body: z
    .string()
    .min(1)
    .max(MAX_BODY, `must be at most ${MAX_BODY} characters (Twilio's limit)`)
    .meta({ title: 'Message', ui: { widget: 'textarea' } }),
  from: z.string().trim().max(32).optional().meta({ title: 'From', description: 'Overrides the credential' }),
  messagingServiceSid: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, 'must look like MG followed by 32 hex characters')
    .optional()
    .meta({ title: 'Messaging Service SID', description: 'Overrides the credential; used instead of From' }),
  statusCallback: z.url().optional().meta({ title: 'Status callback URL' }),
});
type Params = z.output<typeof params>;

/** From | MessagingServiceSid: the node's params win over the credential's defaults. */
export function senderFields(p: Params, account: TwilioAccount): Record<string, string> {
  if (p.messagingServiceSid) return { MessagingServiceSid: p.messagingServiceSid };
  if (p.from) return { From: p.from };
  if (account.messagingServiceSid) return { MessagingServiceSid: account.messagingServiceSid };
  if (account.fromNumber) return { From: account.fromNumber };
  throw new ValidationError('params.from', 'set From or a Messaging Service SID (here or in the credential)');
}

export const sendSms = defineNode({
  type: 'twilio.sendSms',
  version: 1,
  displayName: 'Twilio: Send SMS',
  description: 'Sends one SMS per item (POST /2010-04-01/Accounts/{Sid}/Messages.json).',
  kind: 'action',
  group: 'Actions',
  icon: 'twilio',
  params,
  credentials: [{ name: 'twilio', type: 'twilio.account', required: true }],
  // Twilio's Messages API has no idempotency key: a blind retry could text the customer twice
  idempotent: false,
  sampleOutput: [{ json: sampleMessage }],
  run: async (ctx) => {
    const account = parseTwilioAccount(await ctx.credential('twilio'));
    const out: Item[] = [];
    const count = Math.max(ctx.items.length, 1);
    for (let i = 0; i < count; i++) {
      const p = ctx.itemParams[i] ?? ctx.params;
      const form: Record<string, string> = {
        To: p.to,
        ...senderFields(p, account),
        Body: p.body,
        ...(p.statusCallback ? { StatusCallback: p.statusCallback } : {}),
      };
      try {
        const response = await twilioRequest<JsonObject>({
          http: ctx.http,
          account,
          method: 'POST',
          url: accountUrl(account, '/Messages.json'),
          form,
          signal: ctx.signal,
        });
        out.push({ json: response.body, pairedItem: i });
      } catch (error) {
        throw atItem(error, i);
      }
    }
    return out;
  },
});
