import { createDemoBoutique } from '../shared/index.js';
import type { DemoBoutique } from '../shared/index.js';
import { qty } from './errors.js';

export type SquareObject = { id: string; [key: string]: unknown };
export interface Money {
  amount: number;
  currency: string;
}

export interface SquareFakeState {
  merchantId: string;
  locations: SquareObject[];
  /** ITEM and ITEM_VARIATION objects, items first then their variations */
  catalog: SquareObject[];
  /** `${variationId}|${locationId}|${state}` → quantity */
  inventory: Map<string, { quantity: number; calculatedAt: string }>;
  inventoryChanges: SquareObject[];
  customers: SquareObject[];
  orders: SquareObject[];
  payments: SquareObject[];
  refunds: SquareObject[];
  /** Square-Version headers seen, in order */
  versionsSeen: string[];
}

export const nowIso = (): string => new Date().toISOString();
export const skuId = (sku: string): string => sku.replace(/-/g, '_');
export const countKey = (variationId: string, locationId: string, state: string): string =>
  `${variationId}|${locationId}|${state}`;

/** Seeds locations, a catalog (one item + one variation per demo product, same SKUs), stock, customers, orders, payments. */
export function seedSquareState(demo: DemoBoutique = createDemoBoutique()): SquareFakeState {
  const seededAt = nowIso();
  const state: SquareFakeState = {
    merchantId: 'MLSHOPWIRE01',
    locations: demo.locations.map((l) => ({
      id: l.id,
      name: l.name,
      status: 'ACTIVE',
      currency: 'USD',
      country: 'US',
      timezone: 'America/New_York',
      merchant_id: 'MLSHOPWIRE01',
      type: 'PHYSICAL',
    })),
    catalog: [],
    inventory: new Map(),
    inventoryChanges: [],
    customers: [],
    orders: [],
    payments: [],
    refunds: [],
    versionsSeen: [],
  };
  const byVariation = new Map<string, { name: string; price: number; sku: string }>();
  const variations: SquareObject[] = [];
  for (const p of demo.products) {
    const itemId = `ITEM_${skuId(p.sku)}`;
    const variationId = `VAR_${skuId(p.sku)}`;
    const variation: SquareObject = {
      type: 'ITEM_VARIATION',
      id: variationId,
      updated_at: seededAt,
      version: 1,
      is_deleted: false,
      present_at_all_locations: true,
      item_variation_data: {
        item_id: itemId,
        name: 'Regular',
        sku: p.sku,
        ordinal: 0,
        pricing_type: 'FIXED_PRICING',
        price_money: { amount: p.priceCents, currency: 'USD' },
        track_inventory: true,
        inventory_alert_type: 'LOW_QUANTITY',
        inventory_alert_threshold: p.reorderPoint,
      },
    };
    state.catalog.push({
      type: 'ITEM',
      id: itemId,
      updated_at: seededAt,
      version: 1,
      is_deleted: false,
      present_at_all_locations: true,
      item_data: { name: p.title, description: `${p.category} from ${p.supplier}`, variations: [variation] },
    });
    variations.push(variation);
    byVariation.set(variationId, { name: p.title, price: p.priceCents, sku: p.sku });
    for (const [locationId, quantity] of Object.entries(p.stock))
      state.inventory.set(countKey(variationId, locationId, 'IN_STOCK'), {
        quantity,
        calculatedAt: seededAt,
      });
  }
  state.catalog.push(...variations);
  for (const c of demo.customers) {
    state.customers.push({
      id: `CUST_${c.id}`,
      created_at: c.createdAt,
      updated_at: c.createdAt,
      given_name: c.firstName,
      family_name: c.lastName,
      email_address: c.email,
      phone_number: c.phone,
      reference_id: String(c.id),
      creation_source: 'THIRD_PARTY',
      version: 0,
    });
  }
  for (const o of demo.orders) {
    const orderId = `ORD_${o.id}`;
    const paymentId = `PAY_${o.id}`;
    const total: Money = { amount: o.totalCents, currency: 'USD' };
    state.orders.push({
      id: orderId,
      location_id: o.locationId,
      reference_id: `#${o.number}`,
      customer_id: `CUST_${o.customerId}`,
      state: 'COMPLETED',
      version: 3,
      line_items: o.lines.map((l, i) => {
        const variationId = `VAR_${skuId(l.sku)}`;
        return {
          uid: `li-${o.id}-${i}`,
          catalog_object_id: variationId,
          catalog_version: 1,
          name: byVariation.get(variationId)?.name ?? l.sku,
          variation_name: 'Regular',
          quantity: qty(l.quantity),
          base_price_money: { amount: l.priceCents, currency: 'USD' },
          total_money: { amount: l.priceCents * l.quantity, currency: 'USD' },
        };
      }),
      tenders: [{ id: `TND_${o.id}`, type: 'CARD', amount_money: total, payment_id: paymentId }],
      total_money: total,
      created_at: o.createdAt,
      updated_at: o.createdAt,
      closed_at: o.createdAt,
    });
    const refunded = o.financialStatus === 'refunded';
    state.payments.push({
      id: paymentId,
      created_at: o.createdAt,
      updated_at: o.createdAt,
      amount_money: total,
      total_money: total,
      ...(refunded ? { refunded_money: total, refund_ids: [`${paymentId}_REF_SEED`] } : {}),
      status: 'COMPLETED',
      source_type: 'CARD',
      location_id: o.locationId,
      order_id: orderId,
      customer_id: `CUST_${o.customerId}`,
    });
    if (refunded) {
      state.refunds.push({
        id: `${paymentId}_REF_SEED`,
        status: 'COMPLETED',
        amount_money: total,
        payment_id: paymentId,
        order_id: orderId,
        location_id: o.locationId,
        reason: 'Returned',
        created_at: o.createdAt,
        updated_at: o.createdAt,
      });
    }
  }
  return state;
}

/** The variation (or undefined) for a catalog object id. */
export function variationOf(state: SquareFakeState, id: string): SquareObject | undefined {
  return state.catalog.find((o) => o.id === id && o.type === 'ITEM_VARIATION');
}
