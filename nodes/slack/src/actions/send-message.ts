import { ValidationError, defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { slackError } from '../errors.js';

const params = z.object({
  text: z
    .string()
    .max(40_000)
    .default('')
    .meta({
      title: 'Text',
      description: 'mrkdwn; also the notification fallback when blocks are set',
      ui: { widget: 'textarea' },
    }),
  blocks: z
    .unknown()
    .optional()
    .meta({
      title: 'Blocks (JSON)',
      description: 'Block Kit array, e.g. from Block Kit Builder',
      ui: { widget: 'json' },
    }),
  unfurlLinks: z.boolean().default(false).meta({ title: 'Unfurl links' }),
});

/** Blocks as an array of `{type}` objects, parsed from JSON text when needed; errors name `params.blocks`. */
export function parseBlocks(value: unknown): Record<string, unknown>[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new ValidationError('params.blocks', 'is not valid JSON');
    }
  }
  // Block Kit Builder exports `{ "blocks": [...] }`: accept that too
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'blocks' in parsed)
    parsed = (parsed as { blocks: unknown }).blocks;
  if (!Array.isArray(parsed)) throw new ValidationError('params.blocks', 'must be a JSON array of blocks');
  if (parsed.length > 50) throw new ValidationError('params.blocks', 'Slack accepts at most 50 blocks');
  parsed.forEach((block, i) => {
    if (!block || typeof block !== 'object' || typeof (block as { type?: unknown }).type !== 'string')
      throw new ValidationError(`params.blocks.${i}.type`, 'every block needs a string "type"');
  });
  return parsed as Record<string, unknown>[];
}

export const sendMessage = defineNode({
  type: 'slack.sendMessage',
  version: 1,
  displayName: 'Slack: Send Message',
  description:
    'Posts a message (text and/or Block Kit blocks) to a channel through an incoming webhook, one per item.',
  kind: 'action',
  group: 'Actions',
  icon: 'slack',
  params,
  credentials: [{ name: 'slack', type: 'slack.incomingWebhook', required: true }],
  // incoming webhooks have no idempotency key: a retry posts again
  idempotent: false,
  sampleOutput: [{ json: { ok: true, text: 'Low stock: SW-CAN-001 (3 left)' } }],
  run: async (ctx) => {
    const raw = await ctx.credential('slack');
    const webhookUrl = typeof raw.webhookUrl === 'string' ? raw.webhookUrl : '';
    if (!/^https?:\/\//.test(webhookUrl))
      throw new ValidationError('credential.webhookUrl', 'must be the webhook URL');
    const out: Item[] = [];
    const count = Math.max(ctx.items.length, 1);
    for (let i = 0; i < count; i++) {
      const p = ctx.itemParams[i] ?? ctx.params;
      const blocks = parseBlocks(p.blocks);
      if (!p.text && !blocks) throw new ValidationError('params.text', 'set a text or blocks');
      const payload = {
        ...(p.text ? { text: p.text } : {}),
        ...(blocks ? { blocks } : {}),
        unfurl_links: p.unfurlLinks,
      };
      // 429 + Retry-After (≈1 message/s per webhook) is waited out by ctx.http
      const response = await ctx.http.request<string>({
        method: 'POST',
        url: webhookUrl,
        json: payload,
        responseType: 'text',
        ignoreHttpStatusErrors: true,
        maxRetries: 8,
        signal: ctx.signal,
      });
      if (response.status !== 200) throw slackError(response.status, response.body, i);
      out.push({
        json: {
          ok: true,
          ...(p.text ? { text: p.text } : {}),
          ...(blocks ? { blockCount: blocks.length } : {}),
        },
        pairedItem: i,
      });
    }
    return out;
  },
});
