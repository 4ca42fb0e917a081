import { NodeError, defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { atItem, klaviyoRequest, parseKlaviyoAuth } from '../client.js';
import { sampleListMembership } from '../fixtures/samples.js';
import { emailParam } from '../params.js';
import { findProfileByEmail } from '../profiles.js';

const params = z.object({
  listId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9]+$/, 'must be a Klaviyo list id like Xy12Ab')
    .meta({ title: 'List id' }),
  email: emailParam,
  createProfile: z
    .boolean()
    .default(true)
    .meta({ title: 'Create the profile when missing', description: 'Otherwise the item fails' }),
});

/** Klaviyo accepts at most 1000 profiles per relationship call. */
const MAX_PER_CALL = 1000;

export const addProfileToList = defineNode({
  type: 'klaviyo.addProfileToList',
  version: 1,
  displayName: 'Klaviyo: Add Profile to List',
  description:
    'Adds profiles (found by email, created when missing) to a list (POST /api/lists/{id}/relationships/profiles).',
  kind: 'action',
  group: 'Actions',
  icon: 'klaviyo',
  params,
  credentials: [{ name: 'klaviyo', type: 'klaviyo.apiKey', required: true }],
  // list membership is a set: adding twice is harmless
  idempotent: true,
  sampleOutput: [{ json: sampleListMembership }],
  run: async (ctx) => {
    const auth = parseKlaviyoAuth(await ctx.credential('klaviyo'));
    const count = Math.max(ctx.items.length, 1);
    const resolved: { listId: string; email: string; profileId: string; created: boolean }[] = [];
    for (let i = 0; i < count; i++) {
      const p = ctx.itemParams[i] ?? ctx.params;
      try {
        const found = await findProfileByEmail({ http: ctx.http, auth, email: p.email, signal: ctx.signal });
        let profileId = found?.id;
        if (!profileId && p.createProfile) {
          const created = await klaviyoRequest<{ data: { id: string } }>({
            http: ctx.http,
            auth,
            method: 'POST',
            path: '/profile-import',
            body: { data: { type: 'profile', attributes: { email: p.email } } },
            signal: ctx.signal,
          });
          profileId = created.body.data.id;
        }
        if (!profileId)
          throw new NodeError(`Klaviyo has no profile with email ${p.email}`, {
            code: 'NOT_FOUND',
            httpStatus: 404,
          });
        resolved.push({ listId: p.listId, email: p.email, profileId, created: !found });
      } catch (error) {
        throw atItem(error, i);
      }
    }
    // one call per list (and per 1000 profiles) instead of one per item: the endpoint is on a low tier
    const byList = new Map<string, string[]>();
    for (const entry of resolved) {
      const ids = byList.get(entry.listId) ?? [];
      if (!ids.includes(entry.profileId)) ids.push(entry.profileId);
      byList.set(entry.listId, ids);
    }
    for (const [listId, ids] of byList) {
      for (let start = 0; start < ids.length; start += MAX_PER_CALL) {
        const data = ids.slice(start, start + MAX_PER_CALL).map((id) => ({ type: 'profile', id }));
        await klaviyoRequest({
          http: ctx.http,
          auth,
          method: 'POST',
          path: `/lists/${encodeURIComponent(listId)}/relationships/profiles`,
          body: { data },
          signal: ctx.signal,
        });
      }
    }
    return resolved.map((entry, i): Item => ({
      json: {
        listId: entry.listId,
        profileId: entry.profileId,
        email: entry.email,
        profileCreated: entry.created,
        added: true,
      },
      pairedItem: i,
    }));
  },
});
