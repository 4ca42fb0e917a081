import type { FakeHandler, FakeRequest, FakeResponse, FixedWindow } from '../shared/index.js';
import { SquareFakeError, badRequest } from './errors.js';

export interface SquareCall {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export type SquareRoute = (handler: (call: SquareCall) => unknown) => FakeHandler;

/** Test knobs. */
export interface SquareFaults {
  /** run the next N writes, save their result, but answer 503 (a response lost on the way back) */
  lostResponses: number;
}

export interface SquareRouteDeps {
  accessToken: () => string;
  limiter: () => FixedWindow | undefined;
  /** send Retry-After (seconds) with 429s; Square usually sends none */
  retryAfterSeconds: () => number | undefined;
  faults: SquareFaults;
  versionsSeen: string[];
}

/** Auth, Square-Version, rate limit, JSON parsing and idempotency (per endpoint + key) around a handler. */
export function createSquareRoute(deps: SquareRouteDeps): {
  route: SquareRoute;
  idempotency: Map<string, { body: string; response: FakeResponse }>;
} {
  const idempotency = new Map<string, { body: string; response: FakeResponse }>();

  const route: SquareRoute = (handler) => (request) => serve(handler, request);

  function serve(handler: (call: SquareCall) => unknown, request: FakeRequest): FakeResponse {
    const auth = request.headers['authorization'];
    if (!auth?.startsWith('Bearer ') || auth.slice(7).trim() !== deps.accessToken()) {
      return new SquareFakeError(401, [
        {
          category: 'AUTHENTICATION_ERROR',
          code: 'UNAUTHORIZED',
          detail: 'This request could not be authorized.',
        },
      ]).toResponse();
    }
    const version = request.headers['square-version'];
    if (version !== undefined) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(version))
        return badRequest(
          'INVALID_SQUARE_VERSION_FORMAT',
          `Invalid Square-Version format: ${version}`,
        ).toResponse();
      deps.versionsSeen.push(version);
    }
    const limiter = deps.limiter();
    if (limiter && !limiter.take()) {
      const retryAfter = deps.retryAfterSeconds();
      return new SquareFakeError(
        429,
        [
          {
            category: 'RATE_LIMIT_ERROR',
            code: 'RATE_LIMITED',
            detail: 'Rate limit exceeded, please retry after some time.',
          },
        ],
        retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
      ).toResponse();
    }
    let body: Record<string, unknown> = {};
    if (request.method !== 'GET' && request.rawBody.length > 0) {
      if (
        request.body === undefined ||
        typeof request.body !== 'object' ||
        request.body === null ||
        Array.isArray(request.body)
      )
        return badRequest(
          'INVALID_CONTENT_TYPE',
          'The body must be a JSON object sent as application/json.',
        ).toResponse();
      body = request.body as Record<string, unknown>;
    }
    const call: SquareCall = {
      method: request.method,
      path: request.path,
      params: request.params,
      query: request.query,
      body,
    };
    const key =
      typeof body.idempotency_key === 'string' && body.idempotency_key !== ''
        ? body.idempotency_key
        : undefined;
    if (!key) return run(handler, call);

    const scoped = `${request.method} ${request.path} ${key}`;
    const text = JSON.stringify(body);
    const saved = idempotency.get(scoped);
    if (saved) {
      if (saved.body !== text)
        return badRequest(
          'IDEMPOTENCY_KEY_REUSED',
          `The idempotency key \`${key}\` has already been used with different parameters.`,
          'idempotency_key',
        ).toResponse();
      return saved.response;
    }
    const response = run(handler, call);
    if (response.status < 300) idempotency.set(scoped, { body: text, response }); // a failed call may be retried with its key
    if (response.status < 300 && deps.faults.lostResponses > 0) {
      deps.faults.lostResponses--;
      return {
        status: 503,
        headers: { 'content-type': 'text/plain' },
        body: 'upstream connect error or disconnect/reset before headers',
      };
    }
    return response;
  }

  return { route, idempotency };
}

function run(handler: (call: SquareCall) => unknown, call: SquareCall): FakeResponse {
  try {
    // deep copy: a replay must not change when the stored object changes later
    return { status: 200, body: JSON.parse(JSON.stringify(handler(call))) };
  } catch (error) {
    if (error instanceof SquareFakeError) return error.toResponse();
    throw error;
  }
}
