import { z } from '@shopwire/sdk';

export const idParam = (title: string, example: string) =>
  z
    .union([z.string().trim().min(1).max(200), z.number().int().positive()])
    .meta({ title, description: `Numeric id or GID, e.g. ${example}` });

/** Shared by the list/search actions. */
export const listParams = {
  query: z.string().max(2000).optional().meta({
    title: 'Search query',
    description: 'Shopify search syntax, e.g. created_at:>2026-01-01 financial_status:paid',
  }),
  returnAll: z.boolean().default(false).meta({ title: 'Return all' }),
  limit: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(50)
    .meta({ title: 'Limit', description: 'Ignored when "Return all" is on' }),
  pageSize: z
    .number()
    .int()
    .min(1)
    .max(250)
    .default(250)
    .meta({ title: 'Page size (first)', description: '≤ 250' }),
  maxPages: z.number().int().min(1).max(10_000).default(100).meta({ title: 'Max pages' }),
};

/** Shopify's inventory reasons (the `reason` argument of the inventory mutations). */
export const inventoryReason = z
  .enum([
    'correction',
    'cycle_count_available',
    'damaged',
    'movement_created',
    'movement_updated',
    'movement_received',
    'movement_canceled',
    'other',
    'promotion',
    'quality_control',
    'received',
    'reservation_created',
    'reservation_deleted',
    'reservation_updated',
    'restock',
    'safety_stock',
    'shrinkage',
  ])
  .default('correction')
  .meta({ title: 'Reason' });
