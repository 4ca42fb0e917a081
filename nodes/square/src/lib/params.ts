import { createHash } from 'node:crypto';
import { z } from '@shopwire/sdk';

export const squareId = (title: string) => z.string().trim().min(1).max(192).meta({ title });

/** Quantities travel as decimal strings ("2", "1.5"); numbers are accepted and converted. */
export const quantity = z
  .union([
    z.number().nonnegative().finite(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d{1,5})?$/, 'a decimal like "2" or "1.5"'),
  ])
  .transform((value) => (typeof value === 'number' ? String(value) : value))
  .meta({ title: 'Quantity' });

/** Amounts are integers in minor units (cents). */
export const money = {
  amount: z.number().int().min(1).meta({ title: 'Amount (minor units)', description: 'e.g. 1500 = $15.00' }),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'a 3-letter ISO currency code')
    .transform((c) => c.toUpperCase())
    .default('USD')
    .meta({ title: 'Currency' }),
};

export const listParams = (maxPage: number, defaultPage: number) => ({
  returnAll: z.boolean().default(false).meta({ title: 'Return all', description: 'Follow every cursor' }),
  limit: z.number().int().min(1).max(100_000).default(50).meta({ title: 'Limit' }),
  pageSize: z
    .number()
    .int()
    .min(1)
    .max(maxPage)
    .default(defaultPage)
    .meta({ title: `Page size (≤ ${maxPage})` }),
});

export const isoTime = z.iso.datetime({ offset: true });

/**
 * Square caps idempotency keys (refunds and payments: 45 characters). Short keys pass unchanged;
 * longer ones become a stable hash, so a retry still sends the same key.
 */
export function squareIdempotencyKey(key: string, maxLength = 45): string {
  if (key.length <= maxLength) return key;
  return createHash('sha256').update(key).digest('hex').slice(0, maxLength);
}

/** Drops undefined / empty values so optional fields are not sent. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined && entry !== '') out[key] = entry;
  return out as Partial<T>;
}
