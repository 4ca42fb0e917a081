import { GraphqlError, pageOf } from './connection.js';
import type { Operation } from './operation.js';
import { matchesSearch } from './search-query.js';
import type { FakeCustomer, FakeOrder, FakeProduct } from './state.js';
import { customerView, inventoryItemView, orderView, productView } from './views.js';

const orderFields = {
  created_at: (o: FakeOrder) => o.createdAt,
  updated_at: (o: FakeOrder) => o.updatedAt,
  financial_status: (o: FakeOrder) => o.financialStatus.toLowerCase(),
  email: (o: FakeOrder) => o.email,
  name: (o: FakeOrder) => o.name,
  customer_id: (o: FakeOrder) => o.customerId?.split('/').pop(),
  sku: (o: FakeOrder) => o.lines.map((l) => l.sku),
  id: (o: FakeOrder) => o.id.split('/').pop(),
};
const productFields = {
  title: (p: FakeProduct) => p.title,
  product_type: (p: FakeProduct) => p.productType,
  status: (p: FakeProduct) => p.status.toLowerCase(),
  vendor: (p: FakeProduct) => p.vendor,
  tag: (p: FakeProduct) => p.tags,
  updated_at: (p: FakeProduct) => p.updatedAt,
  created_at: (p: FakeProduct) => p.createdAt,
  id: (p: FakeProduct) => p.id.split('/').pop(),
};
const customerFields = {
  email: (c: FakeCustomer) => c.email,
  first_name: (c: FakeCustomer) => c.firstName,
  last_name: (c: FakeCustomer) => c.lastName,
  phone: (c: FakeCustomer) => c.phone,
  tag: (c: FakeCustomer) => c.tags,
  created_at: (c: FakeCustomer) => c.createdAt,
  updated_at: (c: FakeCustomer) => c.updatedAt,
  id: (c: FakeCustomer) => c.id.split('/').pop(),
};

const idVar = (vars: Record<string, unknown>, root: string): string => {
  if (typeof vars.id !== 'string')
    throw new GraphqlError(`Variable $id of type ID! was provided invalid value`, 'INVALID_VARIABLE', [root]);
  return vars.id;
};

const connectionCost = (vars: Record<string, unknown>) =>
  2 + (typeof vars.first === 'number' ? vars.first : 250);

export const queryOperations: Record<string, Operation> = {
  shop: { cost: () => 1, run: ({ state }) => ({ data: { name: state.shopName } }) },
  order: {
    cost: () => 3,
    run: ({ state, variables }) => {
      const id = idVar(variables, 'order');
      const order = state.orders.find((o) => o.id === id);
      return { data: order ? orderView(state, order) : null };
    },
  },
  orders: {
    cost: connectionCost,
    run: ({ state, variables }) => {
      const rows = state.orders
        .filter((o) =>
          matchesSearch(
            o,
            variables.query as string | null,
            orderFields,
            (r) => `${r.name} ${r.email ?? ''}`,
          ),
        )
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      const page = pageOf({
        root: 'orders',
        rows,
        first: variables.first,
        after: variables.after,
        view: (o) => orderView(state, o),
      });
      return { data: page.connection, actualCost: 2 + page.count };
    },
  },
  product: {
    cost: () => 4,
    run: ({ state, variables }) => {
      const id = idVar(variables, 'product');
      const product = state.products.find((p) => p.id === id);
      return { data: product ? productView(state, product, 250) : null };
    },
  },
  products: {
    cost: connectionCost,
    run: ({ state, variables }) => {
      const rows = state.products.filter((p) =>
        matchesSearch(
          p,
          variables.query as string | null,
          { ...productFields, sku: (r) => r.variantIds.map((v) => state.variants.get(v)?.sku ?? '') },
          (r) => r.title,
        ),
      );
      const page = pageOf({
        root: 'products',
        rows,
        first: variables.first,
        after: variables.after,
        view: (p) => productView(state, p, 50),
      });
      return { data: page.connection, actualCost: 2 + page.count };
    },
  },
  nodes: {
    cost: (vars) => 2 + (Array.isArray(vars.ids) ? vars.ids.length * 2 : 0),
    run: ({ state, variables }) => {
      if (!Array.isArray(variables.ids))
        throw new GraphqlError(
          'Variable $ids of type [ID!]! was provided invalid value',
          'INVALID_VARIABLE',
          ['nodes'],
        );
      if (variables.ids.length > 250)
        throw new GraphqlError('nodes: at most 250 ids', 'MAX_INPUT_SIZE_EXCEEDED', ['nodes']);
      return {
        data: variables.ids.map((id) => (typeof id === 'string' ? inventoryItemView(state, id) : null)),
      };
    },
  },
  customer: {
    cost: () => 1,
    run: ({ state, variables }) => {
      const id = idVar(variables, 'customer');
      const customer = state.customers.find((c) => c.id === id);
      return { data: customer ? customerView(state, customer) : null };
    },
  },
  customers: {
    cost: connectionCost,
    run: ({ state, variables }) => {
      const rows = state.customers.filter((c) =>
        matchesSearch(
          c,
          variables.query as string | null,
          customerFields,
          (r) => `${r.firstName ?? ''} ${r.lastName ?? ''} ${r.email}`,
        ),
      );
      const page = pageOf({
        root: 'customers',
        rows,
        first: variables.first,
        after: variables.after,
        view: (c) => customerView(state, c),
      });
      return { data: page.connection, actualCost: 2 + page.count };
    },
  },
};
