import { invalidParam, wooError } from './errors.js';
import { applyProductUpdate, V3 } from './resources.js';
import type { Routes } from './resources.js';
import { touch, wooDate } from './state.js';
import type { WooFakeState, WooRecord } from './state.js';

const LIMIT = 100;

/** `POST /products/batch {create, update, delete}`: at most 100 operations, per-entry errors. */
export function registerBatch(
  router: Routes,
  state: WooFakeState,
  counter: { calls: number; sizes: number[] },
): void {
  router.on('POST', `${V3}/products/batch`, (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const create = Array.isArray(body.create) ? (body.create as Record<string, unknown>[]) : [];
    const update = Array.isArray(body.update) ? (body.update as Record<string, unknown>[]) : [];
    const del = Array.isArray(body.delete) ? (body.delete as unknown[]) : [];
    const total = create.length + update.length + del.length;
    counter.calls += 1;
    counter.sizes.push(total);
    if (total > LIMIT)
      return wooError(
        413,
        'woocommerce_rest_batch_too_large',
        `Unable to accept more than ${LIMIT} items for this request.`,
      );
    const out: { create?: unknown[]; update?: unknown[]; delete?: unknown[] } = {};
    if (create.length) {
      out.create = create.map((input) => {
        if (input.sku && state.products.some((p) => p.sku === input.sku))
          return {
            id: 0,
            error: {
              code: 'product_invalid_sku',
              message: 'Invalid or duplicated SKU.',
              data: { status: 400 },
            },
          };
        state.nextId += 1;
        const now = wooDate(state.now());
        const product: WooRecord = {
          id: state.nextId,
          name: 'Product',
          type: 'simple',
          status: 'publish',
          sku: '',
          price: '',
          regular_price: '',
          manage_stock: false,
          stock_quantity: null,
          stock_status: 'instock',
          date_created: now,
          date_created_gmt: now,
          date_modified: now,
          date_modified_gmt: now,
          categories: [],
        };
        const invalid = applyProductUpdate(state, product, input);
        if (invalid) return { id: 0, error: invalid.body };
        state.products.push(product);
        return product;
      });
    }
    if (update.length) {
      out.update = update.map((input) => {
        const product = state.products.find((p) => p.id === input.id);
        if (!product)
          return {
            id: input.id ?? 0,
            error: {
              code: 'woocommerce_rest_product_invalid_id',
              message: 'Invalid ID.',
              data: { status: 400 },
            },
          };
        const invalid = applyProductUpdate(state, product, input);
        return invalid ? { id: product.id, error: invalid.body } : product;
      });
    }
    if (del.length) {
      out.delete = del.map((id) => {
        const at = state.products.findIndex((p) => p.id === id);
        if (at === -1)
          return {
            id,
            error: {
              code: 'woocommerce_rest_product_invalid_id',
              message: 'Invalid ID.',
              data: { status: 400 },
            },
          };
        const [removed] = state.products.splice(at, 1);
        touch(state, removed!);
        return removed;
      });
    }
    if (!create.length && !update.length && !del.length)
      return invalidParam('create', 'give create, update or delete.');
    return { status: 200, body: out };
  });
}
