import { defineNode, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';
import { parseKlaviyoAuth } from '../client.js';
import { sampleProfile } from '../fixtures/samples.js';
import { listProfiles } from '../profiles.js';

const params = z.object({
  email: z.email().optional().meta({
    title: 'Email filter',
    description: 'Only the profile with this email (filter=equals(email,…))',
  }),
  pageSize: z.number().int().min(1).max(100).default(20).meta({ title: 'Page size' }),
  maxPages: z.number().int().min(1).max(1000).default(10).meta({ title: 'Max pages' }),
});

export const getProfiles = defineNode({
  type: 'klaviyo.getProfiles',
  version: 1,
  displayName: 'Klaviyo: Get Profiles',
  description:
    'Lists profiles (optionally by email), following the cursor in links.next. One item per profile.',
  kind: 'action',
  group: 'Actions',
  icon: 'klaviyo',
  params,
  credentials: [{ name: 'klaviyo', type: 'klaviyo.apiKey', required: true }],
  idempotent: true,
  sampleOutput: [{ json: sampleProfile }],
  run: async (ctx) => {
    const auth = parseKlaviyoAuth(await ctx.credential('klaviyo'));
    const p = ctx.params;
    const out: Item[] = [];
    for await (const profile of listProfiles({
      http: ctx.http,
      auth,
      email: p.email,
      pageSize: p.pageSize,
      maxPages: p.maxPages,
      signal: ctx.signal,
    })) {
      out.push({ json: { id: profile.id, ...profile.attributes } });
    }
    return out;
  },
});
