import type { HttpClient, JsonObject } from '@shopwire/sdk';
import { klaviyoRequest } from './client.js';
import type { KlaviyoAuth } from './client.js';

export interface ProfileRecord {
  id: string;
  attributes: JsonObject;
}

interface ProfilePage {
  data: ProfileRecord[];
  links?: { next?: string | null };
}

/** Walks GET /api/profiles following `links.next` (cursor pagination) up to maxPages. */
export async function* listProfiles(options: {
  http: HttpClient;
  auth: KlaviyoAuth;
  email?: string | undefined;
  pageSize: number;
  maxPages: number;
  signal?: AbortSignal;
}): AsyncGenerator<ProfileRecord> {
  let next: string | undefined = '/profiles';
  let query: Record<string, string | number> | undefined = {
    'page[size]': options.pageSize,
    ...(options.email ? { filter: `equals(email,"${options.email}")` } : {}),
  };
  for (let page = 0; next && page < options.maxPages; page++) {
    const response: { body: ProfilePage } = await klaviyoRequest<ProfilePage>({
      http: options.http,
      auth: options.auth,
      path: next,
      ...(query ? { query } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for (const profile of response.body.data ?? []) yield profile;
    next = response.body.links?.next ?? undefined;
    query = undefined; // links.next already carries filter, size and cursor
  }
}

export async function findProfileByEmail(options: {
  http: HttpClient;
  auth: KlaviyoAuth;
  email: string;
  signal?: AbortSignal;
}): Promise<ProfileRecord | undefined> {
  for await (const profile of listProfiles({ ...options, pageSize: 1, maxPages: 1 })) return profile;
  return undefined;
}
