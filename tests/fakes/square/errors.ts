import type { FakeResponse } from '../shared/index.js';

export type SquareCategory =
  | 'API_ERROR'
  | 'AUTHENTICATION_ERROR'
  | 'INVALID_REQUEST_ERROR'
  | 'RATE_LIMIT_ERROR'
  | 'PAYMENT_METHOD_ERROR'
  | 'REFUND_ERROR';

export interface SquareErrorItem {
  category: SquareCategory;
  code: string;
  detail: string;
  field?: string;
}

/** Thrown by handlers and turned into `{ errors: [...] }` with the status. */
export class SquareFakeError extends Error {
  constructor(
    readonly status: number,
    readonly errors: SquareErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.detail ?? 'error');
  }
  toResponse(): FakeResponse {
    return { status: this.status, headers: this.headers, body: { errors: this.errors } };
  }
}

export const badRequest = (code: string, detail: string, field?: string): SquareFakeError =>
  new SquareFakeError(400, [
    { category: 'INVALID_REQUEST_ERROR', code, detail, ...(field ? { field } : {}) },
  ]);

export const missing = (field: string): SquareFakeError =>
  badRequest('MISSING_REQUIRED_PARAMETER', `Field must be set`, field);

export const notFound = (kind: string, id: string): SquareFakeError =>
  new SquareFakeError(404, [
    {
      category: 'INVALID_REQUEST_ERROR',
      code: 'NOT_FOUND',
      detail: `Could not find ${kind} with id \`${id}\`.`,
    },
  ]);

/** The value, or a 404 naming it. */
export function must<T>(value: T | undefined, kind: string, id: string): T {
  if (value === undefined) throw notFound(kind, id);
  return value;
}

const DECIMAL = /^-?\d+(\.\d{1,5})?$/;

/** Square quantities are decimal strings. */
export function decimal(value: unknown, field: string): number {
  if (value === undefined || value === null || value === '') throw missing(field);
  if (typeof value !== 'string' || !DECIMAL.test(value))
    throw badRequest('INVALID_VALUE', `Expected a decimal string, got ${JSON.stringify(value)}`, field);
  return Number(value);
}

/** Money: `{ amount: int (minor units), currency }`. */
export function moneyOf(value: unknown, field: string): { amount: number; currency: string } {
  if (!value || typeof value !== 'object') throw missing(field);
  const { amount, currency } = value as { amount?: unknown; currency?: unknown };
  if (typeof amount !== 'number' || !Number.isInteger(amount))
    throw badRequest('EXPECTED_INTEGER', 'Expected an integer amount in minor units', `${field}.amount`);
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))
    throw badRequest('INVALID_ENUM_VALUE', 'Expected an ISO 4217 currency', `${field}.currency`);
  return { amount, currency };
}

/** Formats a quantity back to Square's decimal string. */
export const qty = (n: number): string => String(Math.round(n * 100_000) / 100_000);
