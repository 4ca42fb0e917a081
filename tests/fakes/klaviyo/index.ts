import { randomBytes } from 'node:crypto';
import { FakeRouter, createDemoBoutique, startFake } from '../shared/index.js';
import type { FakeRequest, FakeResponse } from '../shared/index.js';
import { invalid, isE164, isEmail, jsonApi, klaviyoError } from './envelope.js';
import { DEFAULT_TIERS, TierLimiter } from './tiers.js';
import type { Tier, TierLimit } from './tiers.js';

/**
 * Local fake of the Klaviyo API (revision 2025-10-15): /api/accounts, /api/profile-import,
 * /api/profiles (filter + cursor), /api/events (unique_id dedupe, 202), list relationships,
 * per-tier rate limits with 429 + RateLimit-* + Retry-After, JSON:API error envelopes.
 */

export interface KlaviyoProfile {
  id: string;
  attributes: Record<string, unknown>;
}
export interface KlaviyoEvent {
  metric: string;
  email: string;
  uniqueId: string;
  value?: number;
  properties: Record<string, unknown>;
  time: string;
}
export interface KlaviyoFakeState {
  profiles: Map<string, KlaviyoProfile>;
  lists: Map<string, { id: string; name: string; members: Set<string> }>;
  /** events recorded (after unique_id dedupe) */
  events: KlaviyoEvent[];
  /** every accepted POST /api/events body, duplicates included */
  eventPosts: unknown[];
  rateLimited: number;
}

export interface KlaviyoFakeOptions {
  port?: number;
  apiKeys?: string[];
  tiers?: Partial<Record<Tier, TierLimit>>;
  /** seed profiles from the demo boutique's customers (default true) */
  seedCustomers?: boolean;
}

export const DEFAULT_KLAVIYO_KEY = 'pk_test_shopwire_demo';
export const DEMO_LIST_ID = 'Xy12Ab';

const newId = (): string => {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return Array.from(randomBytes(26), (b) => alphabet[b % 32]).join('');
};

export async function startKlaviyoFake(options: KlaviyoFakeOptions = {}) {
  const keys = new Set(options.apiKeys ?? [DEFAULT_KLAVIYO_KEY]);
  const limiter = new TierLimiter({ ...DEFAULT_TIERS, ...options.tiers });
  const state: KlaviyoFakeState = {
    profiles: new Map(),
    lists: new Map([[DEMO_LIST_ID, { id: DEMO_LIST_ID, name: 'Newsletter', members: new Set<string>() }]]),
    events: [],
    eventPosts: [],
    rateLimited: 0,
  };
  const byEmail = (email: string): KlaviyoProfile | undefined =>
    [...state.profiles.values()].find((p) => p.attributes.email === email);
  const upsert = (attributes: Record<string, unknown>): { profile: KlaviyoProfile; created: boolean } => {
    const existing = typeof attributes.email === 'string' ? byEmail(attributes.email) : undefined;
    if (existing) {
      const properties = {
        ...(existing.attributes.properties as object),
        ...(attributes.properties as object),
      };
      existing.attributes = {
        ...existing.attributes,
        ...attributes,
        properties,
        updated: new Date().toISOString(),
      };
      return { profile: existing, created: false };
    }
    const now = new Date().toISOString();
    const profile = {
      id: newId(),
      attributes: { properties: {}, ...attributes, created: now, updated: now },
    };
    state.profiles.set(profile.id, profile);
    return { profile, created: true };
  };
  if (options.seedCustomers ?? true) {
    for (const c of createDemoBoutique().customers)
      upsert({ email: c.email, first_name: c.firstName, last_name: c.lastName, external_id: String(c.id) });
  }

  let base = '';
  /** auth, revision and rate limit, in Klaviyo's order */
  const guard =
    (tier: Tier, handler: (req: FakeRequest) => FakeResponse) =>
    (req: FakeRequest): FakeResponse => {
      const match = /^Klaviyo-API-Key (\S+)$/.exec(req.headers.authorization ?? '');
      if (!match)
        return klaviyoError(
          401,
          'not_authenticated',
          'Authentication credentials were not provided.',
          'Missing or invalid authorization scheme. Please use Klaviyo-API-Key.',
        );
      if (!keys.has(match[1]!))
        return klaviyoError(
          401,
          'authentication_failed',
          'Incorrect authentication credentials.',
          'Incorrect authentication credentials.',
        );
      if (!/^\d{4}-\d{2}-\d{2}(\.\w+)?$/.test(req.headers.revision ?? ''))
        return klaviyoError(
          400,
          'invalid',
          'Invalid input.',
          'A valid revision header is required (YYYY-MM-DD).',
          { parameter: 'revision' },
        );
      const limit = limiter.take(match[1]!, tier);
      if (!limit.ok) {
        state.rateLimited++;
        const wait = limit.headers['retry-after'];
        return klaviyoError(
          429,
          'throttled',
          'Request was throttled.',
          `Request was throttled. Expected available in ${wait} second${wait === '1' ? '' : 's'}.`,
          undefined,
          limit.headers,
        );
      }
      if (req.method === 'POST') {
        const type = req.headers['content-type'] ?? '';
        if (!/application\/(vnd\.api\+)?json/.test(type))
          return klaviyoError(
            415,
            'unsupported_media_type',
            'Unsupported media type.',
            `Unsupported media type "${type}" in request.`,
          );
        if (req.body === undefined)
          return klaviyoError(400, 'parse_error', 'Malformed request.', 'JSON parse error.');
      }
      const response = handler(req);
      return { ...response, headers: { ...limit.headers, ...response.headers } };
    };

  const dataOf = (req: FakeRequest, type: string): { attributes: Record<string, unknown> } | FakeResponse => {
    const data = (req.body as { data?: { type?: unknown; attributes?: unknown } } | null)?.data;
    if (!data || typeof data !== 'object') return invalid('"data" is a required field.', '/data');
    if (data.type !== type)
      return klaviyoError(
        409,
        'conflict',
        'Conflict.',
        `The type "${String(data.type)}" does not match the endpoint type "${type}".`,
        { pointer: '/data/type' },
      );
    if (!data.attributes || typeof data.attributes !== 'object')
      return invalid('"attributes" is a required field.', '/data/attributes');
    return { attributes: data.attributes as Record<string, unknown> };
  };
  const profileAttributeErrors = (a: Record<string, unknown>, prefix: string): FakeResponse | undefined => {
    if (a.email === undefined && a.phone_number === undefined && a.external_id === undefined)
      return invalid('One of email, phone_number or external_id is required.', prefix);
    if (a.email !== undefined && !isEmail(a.email))
      return invalid('Invalid email address', `${prefix}/email`);
    if (a.phone_number !== undefined && !isE164(a.phone_number))
      return invalid(
        'Invalid phone number format (Example of a valid format: +12345678901)',
        `${prefix}/phone_number`,
      );
    if (
      a.properties !== undefined &&
      (typeof a.properties !== 'object' || a.properties === null || Array.isArray(a.properties))
    )
      return invalid('properties must be an object.', `${prefix}/properties`);
    return undefined;
  };
  const profileJson = (p: KlaviyoProfile) => ({
    type: 'profile',
    id: p.id,
    attributes: p.attributes,
    links: { self: `${base}/api/profiles/${p.id}/` },
  });

  const router = new FakeRouter()
    .on(
      'GET',
      '/api/accounts',
      guard('XS', () =>
        jsonApi(200, {
          data: [
            {
              type: 'account',
              id: 'AbC123',
              attributes: {
                contact_information: {
                  organization_name: 'Demo Boutique',
                  default_sender_email: 'hello@demo-boutique.test',
                },
                test_account: true,
              },
            },
          ],
          links: { self: `${base}/api/accounts/` },
        }),
      ),
    )
    .on(
      'POST',
      '/api/profile-import',
      guard('L', (req) => {
        const data = dataOf(req, 'profile');
        if ('status' in data) return data;
        const error = profileAttributeErrors(data.attributes, '/data/attributes');
        if (error) return error;
        const { profile, created } = upsert(data.attributes);
        return jsonApi(created ? 201 : 200, { data: profileJson(profile) });
      }),
    )
    .on(
      'GET',
      '/api/profiles',
      guard('L', (req) => listProfiles(req)),
    )
    .on(
      'POST',
      '/api/events',
      guard('XL', (req) => {
        const data = dataOf(req, 'event');
        if ('status' in data) return data;
        const a = data.attributes as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        const metric = a.metric?.data?.attributes?.name;
        if (typeof metric !== 'string' || metric === '')
          return invalid('A metric name is required.', '/data/attributes/metric/data/attributes/name');
        const profileAttrs = a.profile?.data?.attributes;
        if (!profileAttrs || typeof profileAttrs !== 'object')
          return invalid('A profile is required.', '/data/attributes/profile');
        const error = profileAttributeErrors(profileAttrs, '/data/attributes/profile/data/attributes');
        if (error) return error;
        if (a.value !== undefined && typeof a.value !== 'number')
          return invalid('value must be a number.', '/data/attributes/value');
        if (a.properties !== undefined && (typeof a.properties !== 'object' || a.properties === null))
          return invalid('properties must be an object.', '/data/attributes/properties');
        state.eventPosts.push(req.body);
        const time = typeof a.time === 'string' ? a.time : new Date().toISOString();
        const uniqueId = typeof a.unique_id === 'string' ? a.unique_id : time;
        const email = String(profileAttrs.email ?? profileAttrs.phone_number ?? profileAttrs.external_id);
        // Klaviyo records one event per profile + metric + unique_id; later ones are accepted and dropped
        const duplicate = state.events.some(
          (e) => e.metric === metric && e.email === email && e.uniqueId === uniqueId,
        );
        if (!duplicate) {
          upsert(profileAttrs);
          state.events.push({
            metric,
            email,
            uniqueId,
            ...(typeof a.value === 'number' ? { value: a.value } : {}),
            properties: a.properties ?? {},
            time,
          });
        }
        return jsonApi(202);
      }),
    )
    .on(
      'POST',
      '/api/lists/:id/relationships/profiles',
      guard('M', (req) => {
        const list = state.lists.get(req.params.id ?? '');
        if (!list)
          return klaviyoError(
            404,
            'not_found',
            'Not found.',
            `A list with id ${req.params.id} does not exist.`,
            { pointer: '/data/' },
          );
        const data = (req.body as { data?: unknown } | null)?.data;
        if (!Array.isArray(data)) return invalid('"data" must be an array of profile identifiers.', '/data');
        if (data.length > 1000) return invalid('At most 1000 profiles per request.', '/data');
        for (const [i, entry] of data.entries()) {
          const e = entry as { type?: unknown; id?: unknown };
          if (e.type !== 'profile') return invalid('type must be "profile".', `/data/${i}/type`);
          if (typeof e.id !== 'string' || !state.profiles.has(e.id))
            return invalid(`Profile ${String(e.id)} does not exist.`, `/data/${i}/id`);
        }
        for (const entry of data) list.members.add((entry as { id: string }).id);
        return { status: 204 };
      }),
    );

  function listProfiles(req: FakeRequest): FakeResponse {
    const filter = req.query.get('filter');
    let emailFilter: string | undefined;
    if (filter !== null) {
      const match = /^equals\(email,"([^"]*)"\)$/.exec(filter);
      if (!match)
        return klaviyoError(400, 'invalid', 'Invalid input.', `Invalid filter provided: ${filter}`, {
          parameter: 'filter',
        });
      emailFilter = match[1];
    }
    const size = Number(req.query.get('page[size]') ?? 20);
    if (!Number.isInteger(size) || size < 1 || size > 100)
      return klaviyoError(400, 'invalid', 'Invalid input.', 'page[size] must be between 1 and 100.', {
        parameter: 'page[size]',
      });
    const cursor = req.query.get('page[cursor]');
    const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8').replace(/^o:/, '')) : 0;
    if (!Number.isInteger(offset) || offset < 0)
      return klaviyoError(400, 'invalid', 'Invalid input.', 'Invalid page cursor.', {
        parameter: 'page[cursor]',
      });
    const all = [...state.profiles.values()].filter(
      (p) => emailFilter === undefined || p.attributes.email === emailFilter,
    );
    const page = all.slice(offset, offset + size);
    const link = (at: number): string => {
      const url = new URL('/api/profiles/', base);
      if (filter !== null) url.searchParams.set('filter', filter);
      url.searchParams.set('page[size]', String(size));
      url.searchParams.set('page[cursor]', Buffer.from(`o:${at}`).toString('base64url'));
      return url.toString();
    };
    return jsonApi(200, {
      data: page.map(profileJson),
      links: {
        self: req.url.toString(),
        next: offset + size < all.length ? link(offset + size) : null,
        prev: offset > 0 ? link(Math.max(0, offset - size)) : null,
      },
    });
  }

  const fake = await startFake({
    router,
    ...(options.port === undefined ? {} : { port: options.port }),
    notFound: (req) => klaviyoError(404, 'not_found', 'Not found.', `No route for ${req.method} ${req.path}`),
  });
  base = fake.url;
  return {
    url: fake.url,
    /** what a credential's baseUrl should be */
    apiUrl: `${fake.url}/api`,
    state,
    received: fake.received,
    apiKey: [...keys][0] ?? DEFAULT_KLAVIYO_KEY,
    profileByEmail: byEmail,
    createList(name: string): string {
      const id = newId().slice(0, 6);
      state.lists.set(id, { id, name, members: new Set() });
      return id;
    },
    listMembers(listId: string): string[] {
      const list = state.lists.get(listId);
      return list ? [...list.members].map((id) => String(state.profiles.get(id)?.attributes.email)) : [];
    },
    close: () => fake.close(),
  };
}

export type KlaviyoFake = Awaited<ReturnType<typeof startKlaviyoFake>>;
