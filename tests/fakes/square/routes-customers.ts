import { randomBytes } from 'node:crypto';
import type { FakeRouter } from '../shared/index.js';
import { badRequest, must } from './errors.js';
import { limitOf, page } from './paging.js';
import type { SquareRoute } from './square-route.js';
import { nowIso, type SquareFakeState, type SquareObject } from './state.js';

const FIELDS = [
  'given_name',
  'family_name',
  'company_name',
  'nickname',
  'email_address',
  'phone_number',
  'reference_id',
  'note',
  'birthday',
  'address',
] as const;

function pick(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) if (body[field] !== undefined) out[field] = body[field];
  if (typeof out.email_address === 'string' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(out.email_address))
    throw badRequest('INVALID_EMAIL_ADDRESS', 'Invalid email address', 'email_address');
  return out;
}

export function customerRoutes(router: FakeRouter, route: SquareRoute, state: SquareFakeState): void {
  router.on(
    'POST',
    '/v2/customers',
    route(({ body }) => {
      const fields = pick(body);
      if (
        !['given_name', 'family_name', 'company_name', 'email_address', 'phone_number'].some((f) => fields[f])
      )
        throw badRequest(
          'MISSING_REQUIRED_PARAMETER',
          'At least one of given_name, family_name, company_name, email_address or phone_number is required.',
        );
      const at = nowIso();
      const customer: SquareObject = {
        id: randomBytes(13).toString('hex').toUpperCase(),
        created_at: at,
        updated_at: at,
        ...fields,
        creation_source: 'THIRD_PARTY',
        version: 0,
      };
      state.customers.push(customer);
      return { customer };
    }),
  );

  router.on(
    'PUT',
    '/v2/customers/:id',
    route(({ params, body }) => {
      const customer = must(
        state.customers.find((c) => c.id === params.id),
        'customer',
        params.id as string,
      );
      if (body.version !== undefined && body.version !== customer.version)
        throw badRequest(
          'VERSION_MISMATCH',
          `Customer version ${String(body.version)} is not the current version ${String(customer.version)}.`,
          'version',
        );
      Object.assign(customer, pick(body), {
        updated_at: nowIso(),
        version: (customer.version as number) + 1,
      });
      return { customer };
    }),
  );

  router.on(
    'GET',
    '/v2/customers/:id',
    route(({ params }) => ({
      customer: must(
        state.customers.find((c) => c.id === params.id),
        'customer',
        params.id as string,
      ),
    })),
  );

  router.on(
    'GET',
    '/v2/customers',
    route(({ query }) => {
      const result = page(state.customers, {
        cursor: query.get('cursor'),
        limit: limitOf(query.get('limit'), { max: 100, fallback: 100 }),
        scope: 'customers',
      });
      return { customers: result.items, ...(result.cursor ? { cursor: result.cursor } : {}) };
    }),
  );

  router.on(
    'POST',
    '/v2/customers/search',
    route(({ body }) => {
      const limit = limitOf(body.limit, { max: 100, fallback: 100 });
      const email = (
        (body.query as Record<string, unknown> | undefined)?.filter as Record<string, unknown> | undefined
      )?.email_address as { exact?: string; fuzzy?: string } | undefined;
      const all = state.customers.filter((c) => {
        const address = String(c.email_address ?? '').toLowerCase();
        if (email?.exact !== undefined) return address === email.exact.toLowerCase();
        if (email?.fuzzy !== undefined) return address.includes(email.fuzzy.toLowerCase());
        return true;
      });
      const result = page(all, {
        cursor: body.cursor,
        limit,
        scope: `customers:${JSON.stringify(email ?? null)}`,
      });
      return {
        ...(result.items.length ? { customers: result.items } : {}),
        ...(result.cursor ? { cursor: result.cursor } : {}),
      };
    }),
  );
}
