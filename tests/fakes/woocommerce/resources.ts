import type { FakeHandler, FakeRequest, FakeResponse } from '../shared/index.js';
import { listResponse } from './collection.js';
import { invalidParam, wooError } from './errors.js';
import { touch } from './state.js';
import type { WooFakeState, WooRecord } from './state.js';

const ORDER_STATUSES = [
  'pending',
  'processing',
  'on-hold',
  'completed',
  'cancelled',
  'refunded',
  'failed',
  'trash',
  'checkout-draft',
];
const STOCK_STATUSES = ['instock', 'outofstock', 'onbackorder'];
export const V3 = '/wp-json/wc/v3';

/** What the resources need from a router (the fake wraps FakeRouter with auth and rate limiting). */
export interface Routes {
  on(method: string, pattern: string, handler: FakeHandler): Routes;
}

const find = (rows: WooRecord[], id: string | undefined) => rows.find((r) => String(r.id) === id);
const body = (request: FakeRequest): Record<string, unknown> | undefined =>
  request.body && typeof request.body === 'object' && !Array.isArray(request.body)
    ? (request.body as Record<string, unknown>)
    : undefined;

/** Applies a product update like WooCommerce: stock_status follows the quantity when stock is managed. */
export function applyProductUpdate(
  state: WooFakeState,
  product: WooRecord,
  input: Record<string, unknown>,
): FakeResponse | undefined {
  if (input.stock_status !== undefined && !STOCK_STATUSES.includes(String(input.stock_status)))
    return invalidParam('stock_status', 'stock_status is not one of instock, outofstock, onbackorder.');
  if (
    input.stock_quantity !== undefined &&
    input.stock_quantity !== null &&
    !Number.isInteger(input.stock_quantity)
  )
    return invalidParam('stock_quantity', 'stock_quantity is not of type integer.');
  if (input.manage_stock !== undefined && typeof input.manage_stock !== 'boolean')
    return invalidParam('manage_stock', 'manage_stock is not of type boolean.');
  for (const [key, value] of Object.entries(input)) if (key !== 'id') product[key] = value;
  if (
    product.manage_stock === true &&
    typeof product.stock_quantity === 'number' &&
    product.stock_status !== 'onbackorder'
  )
    product.stock_status = product.stock_quantity > 0 ? 'instock' : 'outofstock';
  if (product.manage_stock === false) product.stock_quantity = null;
  touch(state, product);
  return undefined;
}

export function registerResources(router: Routes, state: WooFakeState): void {
  router
    .on('GET', `${V3}/system_status`, () => ({
      status: 200,
      body: {
        environment: {
          site_url: state.siteUrl,
          home_url: state.siteUrl,
          version: '9.4.0',
          wp_version: '6.7',
        },
        settings: { currency: 'USD' },
      },
    }))
    .on('GET', `${V3}/orders`, (request) => {
      let rows = state.orders;
      const status = request.query.get('status');
      if (status && status !== 'any') {
        const wanted = status.split(',');
        const bad = wanted.find((s) => !ORDER_STATUSES.includes(s));
        if (bad) return invalidParam('status', `status[0] is not one of any, ${ORDER_STATUSES.join(', ')}.`);
        rows = rows.filter((o) => wanted.includes(String(o.status)));
      }
      const customer = request.query.get('customer');
      if (customer) rows = rows.filter((o) => String(o.customer_id) === customer);
      return listResponse(request, rows);
    })
    .on('GET', `${V3}/orders/:id`, (request) => {
      const order = find(state.orders, request.params.id);
      return order
        ? { status: 200, body: order }
        : wooError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
    })
    .on('PUT', `${V3}/orders/:id`, (request) => {
      const order = find(state.orders, request.params.id);
      if (!order) return wooError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
      const input = body(request) ?? {};
      if (input.status !== undefined && !ORDER_STATUSES.includes(String(input.status)))
        return invalidParam('status', `status is not one of ${ORDER_STATUSES.join(', ')}.`);
      Object.assign(order, input, { id: order.id });
      touch(state, order);
      return { status: 200, body: order };
    })
    .on('GET', `${V3}/products`, (request) => {
      let rows = state.products;
      const sku = request.query.get('sku');
      if (sku) rows = rows.filter((p) => sku.split(',').includes(String(p.sku)));
      const stock = request.query.get('stock_status');
      if (stock) rows = rows.filter((p) => p.stock_status === stock);
      const search = request.query.get('search')?.toLowerCase();
      if (search) rows = rows.filter((p) => String(p.name).toLowerCase().includes(search));
      return listResponse(request, rows);
    })
    .on('GET', `${V3}/products/:id`, (request) => {
      const product = find(state.products, request.params.id);
      return product
        ? { status: 200, body: product }
        : wooError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
    })
    .on('PUT', `${V3}/products/:id`, (request) => {
      const product = find(state.products, request.params.id);
      if (!product) return wooError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
      const invalid = applyProductUpdate(state, product, body(request) ?? {});
      return invalid ?? { status: 200, body: product };
    })
    .on('GET', `${V3}/customers`, (request) => {
      let rows = state.customers;
      const email = request.query.get('email');
      if (email) rows = rows.filter((c) => c.email === email.toLowerCase());
      const search = request.query.get('search')?.toLowerCase();
      if (search)
        rows = rows.filter((c) =>
          `${String(c.first_name)} ${String(c.last_name)} ${String(c.email)}`.toLowerCase().includes(search),
        );
      // customers are ordered by name by default in WooCommerce; id keeps the fake simple and stable
      const req = request.query.get('orderby')
        ? request
        : withQuery(request, { orderby: 'id', order: request.query.get('order') ?? 'asc' });
      return listResponse(req, rows);
    })
    .on('GET', `${V3}/customers/:id`, (request) => {
      const customer = find(state.customers, request.params.id);
      return customer
        ? { status: 200, body: customer }
        : wooError(404, 'woocommerce_rest_invalid_id', 'Invalid resource ID.');
    });
}

function withQuery(request: FakeRequest, extra: Record<string, string>): FakeRequest {
  const query = new URLSearchParams(request.query);
  for (const [k, v] of Object.entries(extra)) query.set(k, v);
  return { ...request, query };
}
