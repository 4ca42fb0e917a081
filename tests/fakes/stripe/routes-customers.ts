import type { FakeRouter } from '../shared/index.js';
import { invalidParam, noSuch } from './errors.js';
import type { FormValue } from './form.js';
import { paginate } from './list.js';
import { find, newId, unix, type StripeFakeState, type StripeObject } from './state.js';
import type { StripeRoute } from './stripe-route.js';

const FIELDS = ['email', 'name', 'phone', 'description'] as const;

/** metadata[key]=value merges; an empty value removes the key (Stripe's rule). */
export function mergeMetadata(
  current: unknown,
  update: FormValue | undefined,
  param = 'metadata',
): Record<string, string> {
  const out: Record<string, string> = { ...((current as Record<string, string> | undefined) ?? {}) };
  if (update === undefined) return out;
  if (update === '') return {};
  if (typeof update !== 'object' || Array.isArray(update)) throw invalidParam(param, 'Invalid object');
  for (const [key, value] of Object.entries(update)) {
    if (typeof value !== 'string') throw invalidParam(`${param}[${key}]`, 'Invalid string');
    if (value === '') delete out[key];
    else out[key] = value;
  }
  return out;
}

function customerOr404(state: StripeFakeState, id: string): StripeObject {
  const customer = find(state.customers, id);
  if (!customer || customer.deleted) throw noSuch('customer', id);
  return customer;
}

export function customerRoutes(router: FakeRouter, route: StripeRoute, state: StripeFakeState): void {
  router.on(
    'POST',
    '/v1/customers',
    route(({ form }) => {
      const customer: StripeObject = {
        id: newId('cus'),
        object: 'customer',
        created: unix(),
        description: null,
        email: null,
        name: null,
        phone: null,
        livemode: false,
        metadata: mergeMetadata({}, form.metadata),
      };
      for (const field of FIELDS) if (typeof form[field] === 'string') customer[field] = form[field] || null;
      state.customers.push(customer);
      return customer;
    }),
  );
  router.on(
    'POST',
    '/v1/customers/:id',
    route(({ form, params }) => {
      const customer = customerOr404(state, params.id as string);
      for (const field of FIELDS) if (typeof form[field] === 'string') customer[field] = form[field] || null;
      customer.metadata = mergeMetadata(customer.metadata, form.metadata);
      return customer;
    }),
  );
  router.on(
    'GET',
    '/v1/customers/:id',
    route(({ params }) => customerOr404(state, params.id as string)),
  );
  router.on(
    'GET',
    '/v1/customers',
    route(({ query }) => {
      const email = query.get('email');
      return paginate(
        state.customers,
        query,
        '/v1/customers',
        (c) => !c.deleted && (email === null || c.email === email),
      );
    }),
  );
}
