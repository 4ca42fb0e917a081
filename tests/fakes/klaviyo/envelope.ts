import { randomUUID } from 'node:crypto';
import type { FakeResponse } from '../shared/index.js';

/** Klaviyo's JSON:API error envelope. */
export function klaviyoError(
  status: number,
  code: string,
  title: string,
  detail: string,
  source?: { pointer?: string; parameter?: string },
  headers?: Record<string, string>,
): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/vnd.api+json', ...headers },
    body: {
      errors: [
        {
          id: randomUUID(),
          status,
          code,
          title,
          detail,
          source: source ?? { pointer: '/data/' },
          links: {},
          meta: {},
        },
      ],
    },
  };
}

export const invalid = (detail: string, pointer: string): FakeResponse =>
  klaviyoError(400, 'invalid', 'Invalid input.', detail, { pointer });

export function jsonApi(status: number, body?: unknown, headers?: Record<string, string>): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/vnd.api+json', ...headers },
    ...(body === undefined ? {} : { body }),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
export const isEmail = (value: unknown): value is string => typeof value === 'string' && EMAIL.test(value);
export const isE164 = (value: unknown): value is string => typeof value === 'string' && E164.test(value);
