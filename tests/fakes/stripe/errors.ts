import type { FakeResponse } from '../shared/index.js';

export interface StripeErrorBody {
  type: 'invalid_request_error' | 'api_error' | 'card_error' | 'idempotency_error';
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
}

/** Thrown by handlers; `saved: false` for pure parameter validation (Stripe saves no idempotent result then). */
export class StripeFakeError extends Error {
  constructor(
    readonly status: number,
    readonly error: StripeErrorBody,
    readonly saved = true,
    readonly headers: Record<string, string> = {},
  ) {
    super(error.message);
  }
  toResponse(): FakeResponse {
    return { status: this.status, headers: this.headers, body: { error: this.error } };
  }
}

export const missingParam = (param: string): StripeFakeError =>
  new StripeFakeError(
    400,
    {
      type: 'invalid_request_error',
      code: 'parameter_missing',
      param,
      message: `Missing required param: ${param}.`,
    },
    false,
  );

export const invalidParam = (param: string, message: string, code = 'parameter_invalid'): StripeFakeError =>
  new StripeFakeError(400, { type: 'invalid_request_error', code, param, message }, false);

export const noSuch = (kind: string, id: string, param = 'id'): StripeFakeError =>
  new StripeFakeError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${kind}: '${id}'`,
  });

/** `sk_test_abc…1234` → `sk_test_****1234`, the way Stripe echoes a bad key. */
export function maskKey(key: string): string {
  const prefix = /^[a-z]+_(?:test|live)_/.exec(key)?.[0] ?? '';
  return `${prefix}****${key.slice(-4)}`;
}

/** The object, or a 404 resource_missing naming it. */
export function must<T>(value: T | undefined, kind: string, id: string): T {
  if (value === undefined) throw noSuch(kind, id);
  return value;
}
