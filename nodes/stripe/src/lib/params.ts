import { z } from '@shopwire/sdk';

/** Stripe object ids: prefix_ + letters/digits (e.g. cus_NffrFeUfNV2Hib). */
export const stripeId = (prefix: string, title: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9_]+$`), `must be a Stripe id starting with ${prefix}_`)
    .meta({ title, ui: { placeholder: `${prefix}_…` } });

export const metadataParam = z
  .record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean()]))
  .optional()
  .meta({ title: 'Metadata', description: 'Up to 50 keys', ui: { widget: 'keyValue' } });

export const listParams = {
  returnAll: z.boolean().default(false).meta({ title: 'Return all', description: 'Follow every page' }),
  limit: z.number().int().min(1).max(10_000).default(50).meta({ title: 'Limit' }),
  pageSize: z.number().int().min(1).max(100).default(100).meta({ title: 'Page size (≤ 100)' }),
};

/** ISO date or unix seconds → unix seconds. */
export const unixTime = z
  .union([z.number().int().min(0), z.iso.datetime({ offset: true })])
  .transform((value) => (typeof value === 'number' ? value : Math.floor(Date.parse(value) / 1000)));
