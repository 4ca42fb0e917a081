import type { FakeOrder, ShopifyFakeState } from './state.js';

const legacy = (gid: string | null): number | null => (gid ? Number(gid.split('/').pop()) : null);

/** The REST-style (snake_case) order body Shopify sends with orders/* webhooks. */
export function orderWebhookPayload(state: ShopifyFakeState, order: FakeOrder) {
  const customer = state.customers.find((c) => c.id === order.customerId);
  return {
    id: legacy(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    email: order.email,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    financial_status: order.financialStatus.toLowerCase(),
    currency: 'USD',
    total_price: order.total,
    line_items: order.lines.map((l) => ({
      id: legacy(l.id),
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      price: l.price,
      variant_id: legacy(l.variantId),
    })),
    customer: customer
      ? {
          id: legacy(customer.id),
          email: customer.email,
          first_name: customer.firstName,
          last_name: customer.lastName,
        }
      : null,
  };
}
