import { defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { atItem, klaviyoRequest, parseKlaviyoAuth } from '../client.js';
import { sampleEvent } from '../fixtures/samples.js';
import { emailParam, jsonObjectParam } from '../params.js';

const params = z.object({
  metric: z
    .string()
    .min(1)
    .max(128)
    .meta({ title: 'Metric name', ui: { placeholder: 'Placed Order' } }),
  email: emailParam,
  value: z.number().finite().optional().meta({ title: 'Value', description: 'Revenue of the event' }),
  valueCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like USD')
    .optional()
    .meta({ title: 'Currency' }),
  time: z.iso.datetime({ offset: true }).optional().meta({ title: 'Time', description: 'Defaults to now' }),
  uniqueId: z.string().max(255).optional().meta({
    title: 'Unique id',
    description: 'Klaviyo records an event once per unique id. Default: this node run’s idempotency key.',
  }),
  properties: jsonObjectParam('Event properties'),
});

export const createEvent = defineNode({
  type: 'klaviyo.createEvent',
  version: 1,
  displayName: 'Klaviyo: Create Event',
  description: 'Tracks an event (metric by name) for a profile by email (POST /api/events), one per item.',
  kind: 'action',
  group: 'Actions',
  icon: 'klaviyo',
  params,
  credentials: [{ name: 'klaviyo', type: 'klaviyo.apiKey', required: true }],
  // unique_id makes a retried or resumed run record the event once
  idempotent: true,
  sampleOutput: [{ json: sampleEvent }],
  run: async (ctx) => {
    const auth = parseKlaviyoAuth(await ctx.credential('klaviyo'));
    const out: Item[] = [];
    const count = Math.max(ctx.items.length, 1);
    for (let i = 0; i < count; i++) {
      const p = ctx.itemParams[i] ?? ctx.params;
      const uniqueId = p.uniqueId || ctx.idempotencyKey(i);
      const attributes: Record<string, unknown> = {
        properties: p.properties,
        time: p.time ?? ctx.now().toISOString(),
        unique_id: uniqueId,
        ...(p.value === undefined ? {} : { value: p.value }),
        ...(p.valueCurrency ? { value_currency: p.valueCurrency } : {}),
        metric: { data: { type: 'metric', attributes: { name: p.metric } } },
        profile: { data: { type: 'profile', attributes: { email: p.email } } },
      };
      try {
        const response = await klaviyoRequest({
          http: ctx.http,
          auth,
          method: 'POST',
          path: '/events',
          body: { data: { type: 'event', attributes } },
          signal: ctx.signal,
        });
        out.push({
          json: {
            accepted: response.status === 202,
            metric: p.metric,
            email: p.email,
            uniqueId,
            ...(p.value === undefined ? {} : { value: p.value }),
          },
          pairedItem: i,
        });
      } catch (error) {
        throw atItem(error, i);
      }
    }
    return out;
  },
});
