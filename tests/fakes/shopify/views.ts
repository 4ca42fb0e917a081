import type { FakeCustomer, FakeOrder, FakeProduct, ShopifyFakeState } from './state.js';
import { levelKey } from './state.js';

/** State rows → the GraphQL object shapes the connector selects (a superset is fine). */
const shopMoney = (amount: string) => ({ shopMoney: { amount, currencyCode: 'USD' } });

export function customerView(state: ShopifyFakeState, c: FakeCustomer) {
  const orders = state.orders.filter((o) => o.customerId === c.id).length;
  return {
    id: c.id,
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    phone: c.phone,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    numberOfOrders: String(orders), // UnsignedInt64 is a string in GraphQL
    tags: c.tags,
  };
}

export function orderView(state: ShopifyFakeState, o: FakeOrder) {
  const customer = state.customers.find((c) => c.id === o.customerId);
  return {
    id: o.id,
    name: o.name,
    email: o.email,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    displayFinancialStatus: o.financialStatus,
    displayFulfillmentStatus: 'FULFILLED',
    totalPriceSet: shopMoney(o.total),
    customer: customer
      ? { id: customer.id, email: customer.email, firstName: customer.firstName, lastName: customer.lastName }
      : null,
    lineItems: {
      nodes: o.lines.map((l) => ({
        id: l.id,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        variant: l.variantId ? { id: l.variantId } : null,
        originalUnitPriceSet: shopMoney(l.price),
      })),
    },
  };
}

export function available(state: ShopifyFakeState, inventoryItemId: string): number {
  return state.locations.reduce(
    (sum, l) => sum + (state.levels.get(levelKey(inventoryItemId, l.id))?.available ?? 0),
    0,
  );
}

export function productView(state: ShopifyFakeState, p: FakeProduct, variantLimit: number) {
  const variants = p.variantIds.map((id) => state.variants.get(id)).filter((v) => v !== undefined);
  return {
    id: p.id,
    title: p.title,
    handle: p.handle,
    status: p.status,
    productType: p.productType,
    vendor: p.vendor,
    tags: p.tags,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    totalInventory: variants.reduce((sum, v) => sum + available(state, v.inventoryItemId), 0),
    variants: {
      nodes: variants.slice(0, variantLimit).map((v) => ({
        id: v.id,
        title: v.title,
        sku: v.sku,
        price: v.price,
        inventoryQuantity: available(state, v.inventoryItemId),
        inventoryItem: {
          id: v.inventoryItemId,
          tracked: state.inventoryItems.get(v.inventoryItemId)?.tracked ?? true,
        },
      })),
    },
  };
}

export function inventoryItemView(state: ShopifyFakeState, id: string) {
  const item = state.inventoryItems.get(id);
  if (!item) return null;
  return {
    __typename: 'InventoryItem',
    id: item.id,
    sku: item.sku,
    tracked: item.tracked,
    inventoryLevels: {
      nodes: state.locations.flatMap((location) => {
        const level = state.levels.get(levelKey(id, location.id));
        if (!level) return [];
        return [
          {
            id: `gid://shopify/InventoryLevel/${id.split('/').pop()}?inventory_item_id=${location.id.split('/').pop()}`,
            location: { id: location.id, name: location.name },
            quantities: [
              { name: 'available', quantity: level.available },
              { name: 'on_hand', quantity: level.available + level.committed },
              { name: 'committed', quantity: level.committed },
            ],
          },
        ];
      }),
    },
  };
}
