import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ShopwireError, ValidationError } from '@shopwire/sdk';
import type { Logger } from '@shopwire/sdk';

/**
 * The one error handler. Routes throw HTTPException (via `httpError`), sdk ValidationError, or a
 * ShopwireError with a CONFLICT / NOT_FOUND code; everything else is a 500 whose details are only logged.
 */

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string; issues?: { field: string; message: string }[] };
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
};

/** An HTTPException carrying a stable error code. */
export class ApiError extends HTTPException {
  readonly code: string;
  readonly field: string | undefined;
  constructor(status: ContentfulStatusCode, code: string, message: string, field?: string) {
    super(status, { message });
    this.code = code;
    this.field = field;
  }
}

export function httpError(status: ContentfulStatusCode, message: string, field?: string): ApiError {
  return new ApiError(status, CODE_BY_STATUS[status] ?? 'ERROR', message, field);
}

export function notFound(what: string): ApiError {
  return httpError(404, `${what} not found`);
}

export function errorResponse(error: unknown, c: Context, logger: Logger): Response {
  if (error instanceof ApiError) {
    // the unread rest of an oversized body makes the connection unusable: tell the client
    if (error.status === 413) c.header('Connection', 'close');
    return c.json(body(error.code, error.message, error.field), error.status);
  }
  if (error instanceof HTTPException) {
    return c.json(
      body(CODE_BY_STATUS[error.status] ?? 'ERROR', error.message || 'request failed'),
      error.status as ContentfulStatusCode,
    );
  }
  if (error instanceof ValidationError) {
    return c.json(
      { error: { code: 'VALIDATION', message: error.message, field: error.field, issues: error.issues } },
      400,
    );
  }
  if (error instanceof ShopwireError && STATUS_BY_CODE[error.code] !== undefined) {
    const field = (error as { field?: unknown }).field;
    return c.json(
      body(error.code, error.message, typeof field === 'string' ? field : undefined),
      STATUS_BY_CODE[error.code],
    );
  }
  // Errors from other realms/packages may not share our class identity: fall back to the code.
  const code =
    typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
  if (code === 'VALIDATION' && error instanceof Error) {
    const e = error as Error & { field?: string; issues?: { field: string; message: string }[] };
    return c.json({ error: { code, message: e.message, field: e.field ?? '', issues: e.issues ?? [] } }, 400);
  }
  if (
    code &&
    (code === 'CONFLICT' || code === 'NOT_FOUND' || code === 'VERSION_CONFLICT') &&
    error instanceof Error
  ) {
    return c.json(body(code, error.message), STATUS_BY_CODE[code] ?? 500);
  }
  logger.error('request failed', { method: c.req.method, path: c.req.path, error });
  return c.json(body('INTERNAL', 'internal error'), 500);
}

function body(code: string, message: string, field?: string): ApiErrorBody {
  return field === undefined ? { error: { code, message } } : { error: { code, message, field } };
}
