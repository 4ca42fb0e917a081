import { defineNode, validationErrorFromIssues, z } from '@shopwire/sdk';
import type { JsonObject, JsonValue } from '@shopwire/sdk';
import sample from '../fixtures/product.json' with { type: 'json' };
import { WOO_SLOT, WooClient, wooCredentials } from '../client.js';
import { wooCredentialSchema } from '../credentials.js';
import { emptyLowStockState, processPoll, queryFrom } from '../lib/low-stock-cursor.js';
import type { LowStockState, StockRecord } from '../lib/low-stock-cursor.js';
import { toWooGmt } from '../lib/params.js';

const STATE_KEY = 'woocommerce.lowStock';

export const lowStockTrigger = defineNode({
  type: 'woocommerce.lowStockTrigger',
  version: 1,
  displayName: 'WooCommerce Low Stock',
  description:
    'Polls products changed since the last poll and starts the workflow for each managed product whose stock is at or below the threshold (once per stock level).',
  kind: 'trigger',
  group: 'Triggers',
  icon: 'woocommerce',
  params: z.object({
    threshold: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(5)
      .meta({ title: 'Threshold', description: 'stock_quantity ≤ this' }),
    intervalMinutes: z.number().min(1).max(1440).default(5).meta({ title: 'Poll every (minutes)' }),
    overlapSeconds: z.number().int().min(1).max(86_400).default(300).meta({
      title: 'Overlap window (seconds)',
      description: 'Re-read changes this far back so late or same-second saves are not missed',
    }),
  }),
  credentials: wooCredentials,
  sampleOutput: [{ json: { ...sample, stock_quantity: 3, threshold: 5 } }],
  trigger: {
    type: 'polling',
    intervalMs: (p) => Math.round(p.intervalMinutes * 60_000),
    async poll(ctx) {
      const parsed = wooCredentialSchema.safeParse(await ctx.credential(WOO_SLOT));
      if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, `credentials.${WOO_SLOT}`);
      const client = new WooClient(ctx.http, parsed.data);
      const overlapMs = ctx.params.overlapSeconds * 1000;
      const previous =
        ((await ctx.state.get(STATE_KEY)) as LowStockState | undefined) ?? emptyLowStockState();
      const from = queryFrom(previous, overlapMs);
      const { records } = await client.list('/products', {
        query: {
          ...(from !== undefined ? { modified_after: toWooGmt(from), dates_are_gmt: true } : {}),
          // id order: a product saved mid-poll keeps its place, so no page boundary skips one
          orderby: 'id',
          order: 'asc',
        },
        perPage: 100,
        maxPages: 1000,
      });
      const { state, emit } = processPoll(previous, records as (JsonObject & StockRecord)[], {
        threshold: ctx.params.threshold,
        overlapMs,
      });
      await ctx.state.set(STATE_KEY, state as unknown as JsonValue);
      return emit.map((product) => ({ json: { ...product, threshold: ctx.params.threshold } }));
    },
  },
});
