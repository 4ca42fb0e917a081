import { z } from '@shopwire/sdk';

export const wooId = (title: string) =>
  z
    .union([z.number().int().positive(), z.string().trim().regex(/^\d+$/, 'a numeric id').transform(Number)])
    .meta({ title });

export const listParams = {
  returnAll: z.boolean().default(false).meta({ title: 'Return all' }),
  limit: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(50)
    .meta({ title: 'Limit', description: 'Ignored when "Return all" is on' }),
  perPage: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(100)
    .meta({ title: 'Page size (per_page)', description: '≤ 100' }),
  maxPages: z.number().int().min(1).max(10_000).default(100).meta({ title: 'Max pages' }),
};

/** ISO 8601 date-time; sent to WooCommerce as UTC with dates_are_gmt=true. */
export const isoDate = (title: string) =>
  z
    .string()
    .trim()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date, e.g. 2026-05-01T00:00:00Z')
    .optional()
    .meta({ title });

/** `2026-05-01T10:00:00.000Z` → `2026-05-01T10:00:00` (GMT, Woo's format) */
export function toWooGmt(value: string | number | Date): string {
  return new Date(value).toISOString().slice(0, 19);
}

export const ORDER_STATUSES = [
  'pending',
  'processing',
  'on-hold',
  'completed',
  'cancelled',
  'refunded',
  'failed',
  'trash',
] as const;
