import { defineNode, z } from '@shopwire/sdk';
import type { Item, JsonObject } from '@shopwire/sdk';
import { atItem, klaviyoRequest, parseKlaviyoAuth } from '../client.js';
import { sampleProfile } from '../fixtures/samples.js';
import { emailParam, jsonObjectParam } from '../params.js';

const params = z.object({
  email: emailParam,
  firstName: z.string().max(255).optional().meta({ title: 'First name' }),
  lastName: z.string().max(255).optional().meta({ title: 'Last name' }),
  phoneNumber: z
    .string()
    .max(32)
    .optional()
    .meta({ title: 'Phone number', description: 'E.164, e.g. +15005550006' }),
  externalId: z.string().max(255).optional().meta({ title: 'External id' }),
  attributes: jsonObjectParam('Other attributes', 'Klaviyo profile attributes, e.g. {"organization":"…"}'),
  properties: jsonObjectParam('Custom properties', 'Stored on the profile, e.g. {"rfm":"515"}'),
});

interface ProfileResponse {
  data: { id: string; attributes: JsonObject };
}

export const upsertProfile = defineNode({
  type: 'klaviyo.upsertProfile',
  version: 1,
  displayName: 'Klaviyo: Create or Update Profile',
  description: 'Creates or updates a Klaviyo profile by email (POST /api/profile-import), one per item.',
  kind: 'action',
  group: 'Actions',
  icon: 'klaviyo',
  params,
  credentials: [{ name: 'klaviyo', type: 'klaviyo.apiKey', required: true }],
  // an upsert by email: running it twice leaves the same profile
  idempotent: true,
  sampleOutput: [{ json: sampleProfile }],
  run: async (ctx) => {
    const auth = parseKlaviyoAuth(await ctx.credential('klaviyo'));
    const out: Item[] = [];
    const count = Math.max(ctx.items.length, 1);
    for (let i = 0; i < count; i++) {
      const p = ctx.itemParams[i] ?? ctx.params;
      const attributes: Record<string, unknown> = {
        ...p.attributes,
        email: p.email,
        ...(p.firstName ? { first_name: p.firstName } : {}),
        ...(p.lastName ? { last_name: p.lastName } : {}),
        ...(p.phoneNumber ? { phone_number: p.phoneNumber } : {}),
        ...(p.externalId ? { external_id: p.externalId } : {}),
        ...(Object.keys(p.properties).length ? { properties: p.properties } : {}),
      };
      try {
        const response = await klaviyoRequest<ProfileResponse>({
          http: ctx.http,
          auth,
          method: 'POST',
          path: '/profile-import',
          body: { data: { type: 'profile', attributes } },
          signal: ctx.signal,
        });
        const { id, attributes: saved } = response.body.data;
        out.push({ json: { id, ...saved, profileCreated: response.status === 201 }, pairedItem: i });
      } catch (error) {
        throw atItem(error, i);
      }
    }
    return out;
  },
});
