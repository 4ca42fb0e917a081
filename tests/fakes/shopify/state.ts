import { createDemoBoutique } from '../shared/index.js';
import type { DemoBoutique } from '../shared/index.js';

/** In-memory shop, seeded from the demo boutique (same SKUs as the other fakes). Tests may read and edit it. */
export interface FakeLocation {
  id: string;
  name: string;
  /** demo-boutique location key, e.g. loc-main */
  key: string;
}
export interface FakeVariant {
  id: string;
  productId: string;
  title: string;
  sku: string;
  price: string;
  inventoryItemId: string;
}
export interface FakeProduct {
  id: string;
  title: string;
  handle: string;
  status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED';
  productType: string;
  vendor: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  variantIds: string[];
}
export interface FakeLevel {
  available: number;
  committed: number;
}
export interface FakeCustomer {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}
export interface FakeOrder {
  id: string;
  name: string;
  email: string | null;
  customerId: string | null;
  createdAt: string;
  updatedAt: string;
  financialStatus: 'PAID' | 'REFUNDED' | 'PENDING';
  lines: {
    id: string;
    sku: string;
    title: string;
    quantity: number;
    variantId: string | null;
    price: string;
  }[];
  total: string;
}
export interface FakeSubscription {
  id: string;
  topic: string;
  callbackUrl: string;
  format: string;
}

export interface ShopifyFakeState {
  shopName: string;
  shopDomain: string;
  locations: FakeLocation[];
  products: FakeProduct[];
  variants: Map<string, FakeVariant>;
  /** inventory item id → sku */
  inventoryItems: Map<string, { id: string; sku: string; tracked: boolean; variantId: string }>;
  /** `${inventoryItemId}|${locationId}` → quantities */
  levels: Map<string, FakeLevel>;
  orders: FakeOrder[];
  customers: FakeCustomer[];
  subscriptions: Map<string, FakeSubscription>;
  /** idempotency key → fingerprint of the variables and the stored answer */
  idempotency: Map<string, { fingerprint: string; data: unknown }>;
  /** every applied inventory change, for assertions */
  inventoryLog: { key: string; inventoryItemId: string; locationId: string; delta: number }[];
  nextId: number;
  /** GraphQL calls answered `Throttled` */
  throttled: number;
}

const gid = (type: string, id: number | string): string => `gid://shopify/${type}/${id}`;
const money = (cents: number): string => (cents / 100).toFixed(2);

export function levelKey(inventoryItemId: string, locationId: string): string {
  return `${inventoryItemId}|${locationId}`;
}

export function createShopifyState(options: {
  shopDomain: string;
  boutique?: DemoBoutique;
}): ShopifyFakeState {
  const demo = options.boutique ?? createDemoBoutique();
  const locations = demo.locations.map((l, i) => ({ id: gid('Location', i + 1), name: l.name, key: l.id }));
  const state: ShopifyFakeState = {
    shopName: 'Demo Boutique',
    shopDomain: options.shopDomain,
    locations,
    products: [],
    variants: new Map(),
    inventoryItems: new Map(),
    levels: new Map(),
    orders: [],
    customers: [],
    subscriptions: new Map(),
    idempotency: new Map(),
    inventoryLog: [],
    nextId: 900_000,
    throttled: 0,
  };
  const bySku = new Map<string, FakeVariant>();
  demo.products.forEach((p, i) => {
    const productId = gid('Product', 1001 + i);
    const variant: FakeVariant = {
      id: gid('ProductVariant', 2001 + i),
      productId,
      title: 'Default Title',
      sku: p.sku,
      price: money(p.priceCents),
      inventoryItemId: gid('InventoryItem', 3001 + i),
    };
    const created = new Date(Date.parse('2025-10-01T12:00:00Z') + i * 3_600_000).toISOString();
    state.products.push({
      id: productId,
      title: p.title,
      handle: p.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      status: 'ACTIVE',
      productType: p.category,
      vendor: 'Demo Boutique',
      tags: [p.category],
      createdAt: created,
      updatedAt: created,
      variantIds: [variant.id],
    });
    state.variants.set(variant.id, variant);
    bySku.set(p.sku, variant);
    state.inventoryItems.set(variant.inventoryItemId, {
      id: variant.inventoryItemId,
      sku: p.sku,
      tracked: true,
      variantId: variant.id,
    });
    for (const location of locations) {
      state.levels.set(levelKey(variant.inventoryItemId, location.id), {
        available: p.stock[location.key] ?? 0,
        committed: 0,
      });
    }
  });
  for (const c of demo.customers) {
    state.customers.push({
      id: gid('Customer', c.id),
      email: c.email,
      firstName: c.firstName,
      lastName: c.lastName,
      phone: c.phone,
      tags: [],
      createdAt: c.createdAt,
      updatedAt: c.createdAt,
    });
  }
  const emails = new Map(demo.customers.map((c) => [c.id, c.email]));
  for (const o of demo.orders) {
    state.orders.push({
      id: gid('Order', o.id),
      name: `#${o.number}`,
      email: emails.get(o.customerId) ?? null,
      customerId: gid('Customer', o.customerId),
      createdAt: o.createdAt,
      updatedAt: o.createdAt,
      financialStatus:
        o.financialStatus === 'paid' ? 'PAID' : o.financialStatus === 'refunded' ? 'REFUNDED' : 'PENDING',
      lines: o.lines.map((l, j) => ({
        id: gid('LineItem', o.id * 10 + j),
        sku: l.sku,
        title: demo.products.find((p) => p.sku === l.sku)?.title ?? l.sku,
        quantity: l.quantity,
        variantId: bySku.get(l.sku)?.id ?? null,
        price: money(l.priceCents),
      })),
      total: money(o.totalCents),
    });
  }
  return state;
}

export function newGid(state: ShopifyFakeState, type: string): string {
  state.nextId += 1;
  return gid(type, state.nextId);
}
