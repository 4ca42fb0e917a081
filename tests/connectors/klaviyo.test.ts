import klaviyo, { klaviyoApiKey } from '@shopwire/nodes-klaviyo';
import { NodeError, ValidationError } from '@shopwire/sdk';
import type { NodeDefinition } from '@shopwire/sdk';
import { createHttpClient } from '@shopwire/http';
import { createTestContext, items, outputJson, runNode } from '@shopwire/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_LIST_ID, startKlaviyoFake } from '../fakes/klaviyo/index.js';
import type { KlaviyoFake } from '../fakes/klaviyo/index.js';

const node = (type: string): NodeDefinition => {
  const found = klaviyo.nodes.find((n) => n.type === type);
  if (!found) throw new Error(`no node ${type}`);
  return found;
};

let fake: KlaviyoFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const cred = (f: KlaviyoFake, key = f.apiKey) => ({ klaviyo: { privateKey: key, baseUrl: f.apiUrl } });

describe('klaviyo credential', () => {
  it('test() calls GET /api/accounts/ and reports a wrong key', async () => {
    fake = await startKlaviyoFake();
    const http = createHttpClient({ allowPrivateNetworks: true, baseDelayMs: 5 });
    const data = klaviyoApiKey.schema.parse({ privateKey: fake.apiKey, baseUrl: fake.apiUrl });
    expect(await klaviyoApiKey.test!(data, { http })).toEqual({ ok: true, message: 'Connected to Klaviyo' });
    const bad = await klaviyoApiKey.test!({ ...data, privateKey: 'pk_wrong' }, { http });
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain('Incorrect authentication credentials');
    expect(bad.message).not.toContain('pk_wrong');
    const seen = fake.received.at(-1)!;
    expect(seen.path).toBe('/api/accounts/');
    expect(seen.headers.revision).toBe('2025-10-15');
  });
});

describe('klaviyo.upsertProfile', () => {
  it('creates then updates by email with JSON:API headers and properties', async () => {
    fake = await startKlaviyoFake({ seedCustomers: false });
    const run = (firstName: string) =>
      runNode({
        node: node('klaviyo.upsertProfile'),
        items: items({ e: 1 }),
        params: { email: 'new@shop.test', firstName, properties: '{"rfm":"515"}' },
        credentials: cred(fake!),
      });
    const first = outputJson(await run('Ann'))[0] as Record<string, unknown>;
    expect(first).toMatchObject({
      profileCreated: true,
      email: 'new@shop.test',
      first_name: 'Ann',
      properties: { rfm: '515' },
    });
    const second = outputJson(await run('Anna'))[0] as Record<string, unknown>;
    expect(second).toMatchObject({ profileCreated: false, id: first.id, first_name: 'Anna' });
    expect(fake.state.profiles.size).toBe(1);
    const req = fake.received.at(-1)!;
    expect(req.headers['content-type']).toBe('application/vnd.api+json');
    expect(req.headers.authorization).toBe(`Klaviyo-API-Key ${fake.apiKey}`);
  });

  it('fails with Klaviyo’s 401 on a wrong key', async () => {
    fake = await startKlaviyoFake();
    const error = await runNode({
      node: node('klaviyo.upsertProfile'),
      params: { email: 'a@b.test' },
      credentials: cred(fake, 'pk_nope'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeError);
    expect((error as NodeError).httpStatus).toBe(401);
    expect((error as NodeError).message).toContain(
      'authentication_failed: Incorrect authentication credentials.',
    );
  });

  it('rejects a bad email before calling, and maps Klaviyo field errors (source.pointer)', async () => {
    fake = await startKlaviyoFake();
    const local = await runNode({
      node: node('klaviyo.upsertProfile'),
      params: { email: 'not-an-email' },
      credentials: cred(fake),
    }).catch((e: unknown) => e);
    expect(local).toBeInstanceOf(ValidationError);
    expect((local as ValidationError).field).toBe('params.email');
    expect(fake.received).toHaveLength(0);

    const remote = (await runNode({
      node: node('klaviyo.upsertProfile'),
      items: items({}, {}),
      itemParams: [{ email: 'ok@shop.test' }, { email: 'ok2@shop.test', phoneNumber: '0123' }],
      credentials: cred(fake),
    }).catch((e: unknown) => e)) as NodeError;
    expect(remote.httpStatus).toBe(400);
    expect(remote.itemIndex).toBe(1);
    expect(remote.message).toContain('/data/attributes/phone_number');
  });
});

describe('klaviyo.createEvent', () => {
  it('sends 202 events and Klaviyo records a repeated unique_id once (retry of the same node run)', async () => {
    fake = await startKlaviyoFake();
    const { ctx } = createTestContext({
      node: node('klaviyo.createEvent'),
      items: items({ total: 42.5 }),
      params: { metric: 'Placed Order', email: 'ava@shop.test', value: 42.5, properties: { orderId: 1001 } },
      credentials: cred(fake),
    });
    const first = outputJson(await node('klaviyo.createEvent').run!(ctx));
    await node('klaviyo.createEvent').run!(ctx); // same ctx = same idempotency key, like an engine retry
    expect(first[0]).toMatchObject({ accepted: true, uniqueId: 'exec-1:node-1:0:0', value: 42.5 });
    expect(fake.state.eventPosts).toHaveLength(2);
    expect(fake.state.events).toHaveLength(1);
    expect(fake.state.events[0]).toMatchObject({
      metric: 'Placed Order',
      email: 'ava@shop.test',
      value: 42.5,
      properties: { orderId: 1001 },
    });
    expect(fake.profileByEmail('ava@shop.test')).toBeDefined();
  });

  it('slows down on 429 (Retry-After, RateLimit-*) and still records every event', async () => {
    fake = await startKlaviyoFake({ tiers: { XL: { burst: 2, steady: 100 } } });
    const emails = ['a', 'b', 'c', 'd', 'e'].map((x) => `${x}@shop.test`);
    const started = Date.now();
    const out = await runNode({
      node: node('klaviyo.createEvent'),
      items: emails.map((email) => ({ json: { email } })),
      itemParams: emails.map((email) => ({ metric: 'Low Stock Alert', email })),
      credentials: cred(fake),
    });
    expect(outputJson(out)).toHaveLength(5);
    expect(fake.state.events.map((e) => e.email)).toEqual(emails);
    expect(fake.state.rateLimited).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    // what the connector saw: Klaviyo's 429 envelope and headers
    const burst = await Promise.all(
      [1, 2, 3].map(() =>
        fetch(`${fake!.apiUrl}/events`, {
          method: 'POST',
          headers: {
            authorization: `Klaviyo-API-Key ${fake!.apiKey}`,
            revision: '2025-10-15',
            'content-type': 'application/vnd.api+json',
          },
          body: '{}',
        }),
      ),
    );
    const limited = burst.find((r) => r.status === 429)!;
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(((await limited.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('throttled');
  });

  it('rejects an empty metric name before calling Klaviyo', async () => {
    fake = await startKlaviyoFake();
    const error = await runNode({
      node: node('klaviyo.createEvent'),
      params: { metric: '', email: 'a@shop.test' },
      credentials: cred(fake),
    }).catch((e: unknown) => e);
    expect((error as ValidationError).field).toBe('params.metric');
    expect(fake.received).toHaveLength(0);
  });
});

describe('klaviyo.addProfileToList', () => {
  it('finds existing profiles by email, creates missing ones, and adds them in one call', async () => {
    fake = await startKlaviyoFake();
    const existing = [...fake.state.profiles.values()][3]!.attributes.email as string;
    const out = outputJson(
      await runNode({
        node: node('klaviyo.addProfileToList'),
        items: items({}, {}),
        itemParams: [
          { listId: DEMO_LIST_ID, email: existing },
          { listId: DEMO_LIST_ID, email: 'brand-new@shop.test' },
        ],
        credentials: cred(fake),
      }),
    );
    expect(out).toMatchObject([
      { listId: DEMO_LIST_ID, email: existing, profileCreated: false, added: true },
      { email: 'brand-new@shop.test', profileCreated: true },
    ]);
    expect(fake.listMembers(DEMO_LIST_ID).sort()).toEqual([existing, 'brand-new@shop.test'].sort());
    const lookups = fake.received.filter((r) => r.path === '/api/profiles');
    expect(lookups[0]!.query.get('filter')).toBe(`equals(email,"${existing}")`);
    expect(fake.received.filter((r) => r.path.includes('/relationships/'))).toHaveLength(1);
  });

  it('fails with Klaviyo’s 404 for an unknown list', async () => {
    fake = await startKlaviyoFake();
    const error = (await runNode({
      node: node('klaviyo.addProfileToList'),
      params: { listId: 'Nope99', email: 'x@shop.test' },
      credentials: cred(fake),
    }).catch((e: unknown) => e)) as NodeError;
    expect(error.httpStatus).toBe(404);
    expect(error.message).toContain('A list with id Nope99 does not exist.');
  });
});

describe('klaviyo.getProfiles', () => {
  it('follows links.next across pages and honours maxPages and the email filter', async () => {
    fake = await startKlaviyoFake();
    const all = outputJson(
      await runNode({
        node: node('klaviyo.getProfiles'),
        params: { pageSize: 40, maxPages: 10 },
        credentials: cred(fake),
      }),
    );
    expect(all).toHaveLength(fake.state.profiles.size);
    expect(new Set(all.map((p) => (p as { id: string }).id)).size).toBe(all.length);
    expect(fake.received.filter((r) => r.path.startsWith('/api/profiles'))).toHaveLength(
      Math.ceil(all.length / 40),
    );
    const two = outputJson(
      await runNode({
        node: node('klaviyo.getProfiles'),
        params: { pageSize: 40, maxPages: 2 },
        credentials: cred(fake),
      }),
    );
    expect(two).toHaveLength(80);
    const email = (all[7] as { email: string }).email;
    const one = outputJson(
      await runNode({ node: node('klaviyo.getProfiles'), params: { email }, credentials: cred(fake) }),
    );
    expect(one).toEqual([expect.objectContaining({ email })]);
  });
});
