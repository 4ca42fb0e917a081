import { ValidationError, defineNode, isJsonObject, z } from '@shopwire/sdk';
import type { JsonObject } from '@shopwire/sdk';
import { wooClient, wooCredentials } from '../client.js';
import { chunkBatch } from '../lib/chunk-batch.js';
import { perItem } from '../lib/per-item.js';

const record = z.record(z.string(), z.unknown());

export const batchProducts = defineNode({
  type: 'woocommerce.batchProducts',
  version: 1,
  displayName: 'WooCommerce: Batch Products',
  description:
    'Creates, updates and deletes products in bulk (POST /products/batch), split into requests of ≤ 100. One output item per operation, with ok/error.',
  kind: 'action',
  group: 'Retail',
  icon: 'woocommerce',
  params: z.object({
    create: z
      .array(record)
      .max(10_000)
      .default([])
      .meta({ title: 'Create', ui: { widget: 'json' } }),
    update: z
      .array(
        record.refine(
          (r) => typeof r.id === 'number' && Number.isInteger(r.id),
          'each update needs a numeric id',
        ),
      )
      .max(10_000)
      .default([])
      .meta({ title: 'Update (each with id)', ui: { widget: 'json' } }),
    delete: z.array(z.number().int().positive()).max(10_000).default([]).meta({ title: 'Delete (ids)' }),
  }),
  credentials: wooCredentials,
  // creates are not idempotent: a retried batch would create twice
  idempotent: false,
  sampleOutput: [{ json: { operation: 'update', ok: true, id: 101, sku: 'SW-CAN-001', stock_quantity: 12 } }],
  run: async (ctx) => {
    const client = await wooClient(ctx);
    return perItem(ctx, async (p, i) => {
      if (p.create.length + p.update.length + p.delete.length === 0)
        throw new ValidationError('create', 'give at least one product to create, update or delete');
      const out: JsonObject[] = [];
      for (const chunk of chunkBatch(p, 100)) {
        const res = await client.request<Record<string, unknown>>('POST', '/products/batch', {
          json: chunk,
          itemIndex: i,
        });
        for (const operation of ['create', 'update', 'delete'] as const) {
          const rows = res.body[operation];
          if (!Array.isArray(rows)) continue;
          for (const row of rows.filter(isJsonObject)) {
            const error = isJsonObject(row.error) ? row.error : undefined;
            out.push(
              error ? { operation, ok: false, id: row.id ?? null, error } : { operation, ok: true, ...row },
            );
          }
        }
      }
      return out;
    });
  },
});
