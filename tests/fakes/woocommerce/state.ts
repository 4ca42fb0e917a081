import { createDemoBoutique } from '../shared/index.js';
import type { DemoBoutique } from '../shared/index.js';

/** In-memory WooCommerce store seeded from the demo boutique (same SKUs as the other fakes). */
export type WooRecord = Record<string, unknown> & { id: number };

export interface WooWebhook {
  id: number;
  name: string;
  status: 'active' | 'paused' | 'disabled';
  topic: string;
  delivery_url: string;
  secret: string;
  failure_count: number;
  date_created_gmt: string;
}

export interface WooFakeState {
  siteUrl: string;
  products: WooRecord[];
  orders: WooRecord[];
  customers: WooRecord[];
  webhooks: Map<number, WooWebhook>;
  /** creation pings and deliveries sent by the fake, with the answer it got */
  sent: { webhookId: number; kind: 'ping' | 'delivery'; status: number; deliveryId?: string }[];
  nextId: number;
  /** clock used for date_modified (tests move it to make equal timestamps) */
  now: () => number;
}

/** WooCommerce formats: local and GMT, second precision, no zone suffix */
export const wooDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

export function createWooState(options: {
  siteUrl: string;
  boutique?: DemoBoutique;
  now?: () => number;
}): WooFakeState {
  const demo = options.boutique ?? createDemoBoutique();
  const money = (cents: number) => (cents / 100).toFixed(2);
  const products: WooRecord[] = demo.products.map((p, i) => {
    const created = wooDate(Date.parse('2025-10-01T12:00:00Z') + i * 3_600_000);
    const qty = Object.values(p.stock).reduce((a, b) => a + b, 0);
    return {
      id: 101 + i,
      name: p.title,
      slug: p.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      type: 'simple',
      status: 'publish',
      sku: p.sku,
      price: money(p.priceCents),
      regular_price: money(p.priceCents),
      sale_price: '',
      manage_stock: true,
      stock_quantity: qty,
      stock_status: qty > 0 ? 'instock' : 'outofstock',
      date_created: created,
      date_created_gmt: created,
      date_modified: created,
      date_modified_gmt: created,
      categories: [{ id: 1 + (i % 5), name: p.category, slug: p.category.toLowerCase() }],
      meta_data: [],
    };
  });
  const customers: WooRecord[] = demo.customers.map((c) => {
    const date = wooDate(Date.parse(c.createdAt));
    return {
      id: c.id,
      email: c.email,
      first_name: c.firstName,
      last_name: c.lastName,
      username: c.email.split('@')[0],
      role: 'customer',
      date_created: date,
      date_created_gmt: date,
      date_modified: date,
      date_modified_gmt: date,
      billing: { first_name: c.firstName, last_name: c.lastName, email: c.email, phone: c.phone },
      shipping: { first_name: c.firstName, last_name: c.lastName },
      is_paying_customer: true,
    };
  });
  const bySku = new Map(products.map((p) => [p.sku as string, p]));
  const byCustomer = new Map(customers.map((c) => [c.id, c]));
  const orders: WooRecord[] = demo.orders.map((o, i) => {
    const date = wooDate(Date.parse(o.createdAt));
    const customer = byCustomer.get(o.customerId);
    const status =
      o.financialStatus === 'refunded'
        ? 'refunded'
        : o.financialStatus === 'pending'
          ? 'pending'
          : i >= demo.orders.length - 20
            ? 'processing'
            : 'completed';
    return {
      id: o.id,
      number: String(o.id),
      status,
      currency: 'USD',
      date_created: date,
      date_created_gmt: date,
      date_modified: date,
      date_modified_gmt: date,
      total: money(o.totalCents),
      customer_id: o.customerId,
      billing: customer?.billing ?? {},
      payment_method: 'stripe',
      line_items: o.lines.map((l, j) => ({
        id: o.id * 10 + j,
        name: bySku.get(l.sku)?.name ?? l.sku,
        product_id: bySku.get(l.sku)?.id ?? 0,
        sku: l.sku,
        quantity: l.quantity,
        price: l.priceCents / 100,
        total: money(l.priceCents * l.quantity),
      })),
    };
  });
  return {
    siteUrl: options.siteUrl,
    products,
    orders,
    customers,
    webhooks: new Map(),
    sent: [],
    nextId: 10_000,
    now: options.now ?? Date.now,
  };
}

/** Marks a record changed now (or at `atMs`): date_modified(_gmt) with WooCommerce's 1 s precision. */
export function touch(state: WooFakeState, record: WooRecord, atMs?: number): void {
  const date = wooDate(atMs ?? state.now());
  record.date_modified = date;
  record.date_modified_gmt = date;
}
