import { ValidationError, defineNode, z } from '@shopwire/sdk';
import type { JsonValue } from '@shopwire/sdk';
import { getPath } from '../lib/dot-path.js';
import { toNumber } from '../lib/numbers.js';
import { scoreRfm } from '../math/rfm.js';
import type { CustomerActivity } from '../math/rfm.js';

const path = (title: string, description: string, fallback: string) =>
  z.string().min(1).max(500).default(fallback).meta({ title, description });

const params = z
  .object({
    input: z.enum(['orders', 'customers']).default('orders').meta({
      title: 'Input items are',
      description:
        'orders: one item per order; customers: one item per customer with last order date, order count and total spent',
    }),
    customerField: path('Customer field', 'Dot path to the customer id or email', 'customerId'),
    dateField: path(
      'Date field',
      'Dot path to the order date (customers: the last order date), ISO 8601',
      'createdAt',
    ),
    amountField: path('Amount field', 'Dot path to the order total (customers: total spent)', 'total'),
    frequencyField: path(
      'Order count field',
      'Customers input only: dot path to the number of orders',
      'ordersCount',
    ),
    asOf: z
      .string()
      .max(100)
      .optional()
      .refine((value) => value === undefined || value === '' || !Number.isNaN(Date.parse(value)), {
        message: 'not a date (use ISO 8601, e.g. 2024-06-30)',
      })
      .meta({ title: 'As of', description: 'Reference date for recency (ISO 8601); default: now' }),
  })
  .meta({
    title: 'RFM segmentation',
    description: 'Recency, frequency and monetary quintile scores per customer',
  });

type Params = z.output<typeof params>;

function readDate(value: unknown, field: string, index: number): Date {
  const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    const shown = value === undefined ? 'missing' : JSON.stringify(value);
    throw new ValidationError(field, `item ${index}: expected a date, got ${shown}`);
  }
  return date;
}

function readCustomer(value: unknown, field: string, index: number): string {
  if ((typeof value === 'string' && value !== '') || typeof value === 'number') return String(value);
  throw new ValidationError(field, `item ${index}: no customer in "${field}"`);
}

function collect(items: { json: Record<string, JsonValue> }[], p: Params): CustomerActivity[] {
  const byCustomer = new Map<string, CustomerActivity>();
  items.forEach(({ json }, index) => {
    const customer = readCustomer(getPath(json, p.customerField), p.customerField, index);
    if (p.input === 'customers') {
      const frequency = toNumber(getPath(json, p.frequencyField), p.frequencyField, index);
      if (frequency <= 0) return; // never ordered: nothing to score
      const lastOrderAt = readDate(getPath(json, p.dateField), p.dateField, index);
      const monetary = toNumber(getPath(json, p.amountField), p.amountField, index);
      byCustomer.set(customer, { customer, lastOrderAt, frequency, monetary });
      return;
    }
    const at = readDate(getPath(json, p.dateField), p.dateField, index);
    const amount = toNumber(getPath(json, p.amountField), p.amountField, index);
    const seen = byCustomer.get(customer);
    if (!seen) byCustomer.set(customer, { customer, lastOrderAt: at, frequency: 1, monetary: amount });
    else {
      seen.frequency += 1;
      seen.monetary += amount;
      if (at > seen.lastOrderAt) seen.lastOrderAt = at;
    }
  });
  return [...byCustomer.values()];
}

export const rfmNode = defineNode({
  type: 'analytics.rfm',
  version: 1,
  displayName: 'RFM Segmentation',
  description:
    'Scores every customer 1–5 on recency, frequency and monetary value (rank-based quintiles, ties share the higher score) and names a segment such as Champions, At risk or Hibernating. Outputs one item per customer.',
  kind: 'transform',
  group: 'Analytics',
  icon: 'users',
  params,
  sampleOutput: [
    {
      json: {
        customer: 'ada@example.com',
        lastOrderAt: '2024-06-29T12:00:00.000Z',
        recencyDays: 0,
        frequency: 9,
        monetary: 900,
        r: 5,
        f: 5,
        m: 5,
        fm: 5,
        rfm: '555',
        segment: 'Champions',
      },
    },
  ],
  run: async (ctx) => {
    const p = ctx.params;
    const asOf = p.asOf ? new Date(p.asOf) : ctx.now();
    const rows = scoreRfm(collect(ctx.items, p), asOf);
    return rows.map((row) => ({ json: { ...row } }));
  },
});
