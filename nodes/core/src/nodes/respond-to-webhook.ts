import { defineNode, z } from '@shopwire/sdk';
import type { JsonValue } from '@shopwire/sdk';
import { toJsonValue, toText } from '../lib/convert.js';

const params = z.object({
  respondWith: z
    .enum(['firstItem', 'allItems', 'json', 'text', 'noData'])
    .default('firstItem')
    .meta({ title: 'Respond with' }),
  body: z
    .unknown()
    .optional()
    .meta({ title: 'Body', description: 'For json/text', ui: { widget: 'json' } }),
  statusCode: z.number().int().min(100).max(599).default(200).meta({ title: 'Status code' }),
  headers: z
    .array(z.object({ name: z.string().min(1).max(200), value: z.string().max(4000) }))
    .default([])
    .meta({ title: 'Headers', ui: { widget: 'keyValue' } }),
});

function responseBody(
  p: z.output<typeof params>,
  first: JsonValue | undefined,
  all: JsonValue[],
): JsonValue | undefined {
  switch (p.respondWith) {
    case 'firstItem':
      return first ?? {};
    case 'allItems':
      return all;
    case 'json':
      if (typeof p.body === 'string') {
        try {
          return JSON.parse(p.body) as JsonValue;
        } catch {
          return p.body;
        }
      }
      return toJsonValue(p.body ?? null);
    case 'text':
      return toText(p.body);
    case 'noData':
      return undefined;
  }
}

export const respondToWebhook = defineNode({
  type: 'core.respondToWebhook',
  version: 1,
  displayName: 'Respond to webhook',
  description:
    'Sends the HTTP response of a Webhook trigger set to "Respond: responseNode". Items pass through.',
  kind: 'action',
  group: 'Actions',
  icon: 'reply',
  params,
  idempotent: true,
  run: async (ctx) => {
    const p = ctx.params;
    const headers = Object.fromEntries(p.headers.map((h) => [h.name.toLowerCase(), h.value]));
    const body = responseBody(
      p,
      ctx.items[0]?.json,
      ctx.items.map((item) => item.json),
    );
    if (p.respondWith === 'text' && !headers['content-type'])
      headers['content-type'] = 'text/plain; charset=utf-8';
    ctx.respond({ status: p.statusCode, headers, ...(body === undefined ? {} : { body }) });
    return ctx.items;
  },
});
