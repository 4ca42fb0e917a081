import type { FakeHandler, FakeRequest, FakeResponse, FixedWindow } from '../shared/index.js';
import { StripeFakeError, maskKey } from './errors.js';
import { decodeStripeForm, fingerprint, type FormValue } from './form.js';
import { newId } from './state.js';

export interface StripeCall {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  form: Record<string, FormValue>;
  headers: Record<string, string>;
}

export type StripeRoute = (handler: (call: StripeCall) => unknown) => FakeHandler;

interface SavedResult {
  fingerprint: string;
  response: FakeResponse;
  expiresAt: number;
}

/** Test knobs: failures injected into the next POSTs. */
export interface StripeFaults {
  /** answer the next N POSTs with a 500 api_error WITHOUT running them (saved under the key, like Stripe) */
  serverErrors: number;
  /** run the next N POSTs, save their result, but answer 503 (a response lost on the way back) */
  lostResponses: number;
}

const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export function createStripeRoute(deps: {
  apiKey: () => string;
  limiter: () => FixedWindow | undefined;
  faults: StripeFaults;
  now: () => number;
}): { route: StripeRoute; idempotency: Map<string, SavedResult> } {
  const idempotency = new Map<string, SavedResult>();

  const route: StripeRoute = (handler) => async (request) => {
    const requestId = newId('req');
    const response = await serve(handler, request);
    return { ...response, headers: { 'request-id': requestId, ...response.headers } };
  };

  async function serve(handler: (call: StripeCall) => unknown, request: FakeRequest): Promise<FakeResponse> {
    const denied = authenticate(request.headers['authorization'], deps.apiKey());
    if (denied) return denied;
    const limiter = deps.limiter();
    if (limiter && !limiter.take()) {
      return new StripeFakeError(
        429,
        {
          type: 'invalid_request_error',
          code: 'rate_limit',
          message:
            'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
        },
        false,
        { 'stripe-should-retry': 'true' },
      ).toResponse();
    }
    const call: StripeCall = {
      method: request.method,
      path: request.path,
      params: request.params,
      query: request.query,
      form: request.method === 'POST' ? decodeStripeForm(request.rawBody.toString('utf8')) : {},
      headers: request.headers,
    };
    const key = request.method === 'POST' ? request.headers['idempotency-key'] : undefined;
    if (key === undefined) return run(handler, call).response;
    if (key.length > 255)
      return new StripeFakeError(400, {
        type: 'invalid_request_error',
        message: 'Idempotency-Key must be at most 255 characters.',
      }).toResponse();

    const print = fingerprint(call.method, call.path, call.form);
    const saved = idempotency.get(key);
    if (saved && saved.expiresAt > deps.now()) {
      if (saved.fingerprint !== print) {
        return new StripeFakeError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        }).toResponse();
      }
      const headers = { ...saved.response.headers, 'idempotent-replayed': 'true', 'idempotency-key': key };
      return { ...saved.response, headers };
    }
    let outcome: { response: FakeResponse; save: boolean };
    if (deps.faults.serverErrors > 0) {
      deps.faults.serverErrors--;
      outcome = {
        response: new StripeFakeError(500, {
          type: 'api_error',
          message: 'An unknown error occurred',
        }).toResponse(),
        save: true,
      };
    } else outcome = run(handler, call);
    if (outcome.save)
      idempotency.set(key, {
        fingerprint: print,
        response: outcome.response,
        expiresAt: deps.now() + IDEMPOTENCY_TTL_MS,
      });
    if (deps.faults.lostResponses > 0) {
      deps.faults.lostResponses--;
      return {
        status: 503,
        headers: { 'content-type': 'text/plain' },
        body: 'upstream connect error or disconnect/reset before headers',
      };
    }
    return { ...outcome.response, headers: { ...outcome.response.headers, 'idempotency-key': key } };
  }

  return { route, idempotency };
}

function run(
  handler: (call: StripeCall) => unknown,
  call: StripeCall,
): { response: FakeResponse; save: boolean } {
  try {
    // deep copy: the saved replay must not change when the object changes later
    return { response: { status: 200, body: JSON.parse(JSON.stringify(handler(call))) }, save: true };
  } catch (error) {
    if (error instanceof StripeFakeError) return { response: error.toResponse(), save: error.saved };
    throw error;
  }
}

function authenticate(header: string | undefined, apiKey: string): FakeResponse | undefined {
  let key: string | undefined;
  if (header?.startsWith('Bearer ')) key = header.slice(7).trim();
  else if (header?.startsWith('Basic '))
    key = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0];
  if (!key) {
    return new StripeFakeError(401, {
      type: 'invalid_request_error',
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    }).toResponse();
  }
  if (key !== apiKey)
    return new StripeFakeError(401, {
      type: 'invalid_request_error',
      message: `Invalid API Key provided: ${maskKey(key)}`,
    }).toResponse();
  return undefined;
}
