import { NodeError, ValidationError } from '@shopwire/sdk';
import type { HttpClient, HttpResponse } from '@shopwire/sdk';

export const TWILIO_API_VERSION = '2010-04-01';

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  fromNumber?: string | undefined;
  messagingServiceSid?: string | undefined;
  baseUrl: string;
}

export function parseTwilioAccount(raw: Record<string, unknown>): TwilioAccount {
  const str = (key: string): string | undefined =>
    typeof raw[key] === 'string' && raw[key] !== '' ? (raw[key] as string) : undefined;
  const accountSid = str('accountSid');
  const authToken = str('authToken');
  if (!accountSid) throw new ValidationError('credential.accountSid', 'the Account SID (AC…) is required');
  if (!authToken) throw new ValidationError('credential.authToken', 'the Auth Token is required');
  return {
    accountSid,
    authToken,
    fromNumber: str('fromNumber'),
    messagingServiceSid: str('messagingServiceSid'),
    baseUrl: (str('baseUrl') ?? 'https://api.twilio.com').replace(/\/+$/, ''),
  };
}

export function basicAuth(account: Pick<TwilioAccount, 'accountSid' | 'authToken'>): string {
  return `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`, 'utf8').toString('base64')}`;
}

export function accountUrl(account: TwilioAccount, suffix = '.json'): string {
  return `${account.baseUrl}/${TWILIO_API_VERSION}/Accounts/${encodeURIComponent(account.accountSid)}${suffix}`;
}

/** Twilio's error body `{code, message, more_info, status}` → NodeError. */
export function twilioError(status: number, body: unknown): NodeError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as {
    code?: number;
    message?: string;
    more_info?: string;
  };
  const message = `Twilio ${status}${b.code ? ` (error ${b.code})` : ''}: ${b.message ?? 'request failed'}`;
  return new NodeError(message, {
    code: status === 401 ? 'AUTH_FAILED' : b.code ? `TWILIO_${b.code}` : 'TWILIO_ERROR',
    httpStatus: status,
    // 429/20429 is always safe to retry: the message was not created
    retryable: status === 429 || b.code === 20429 || status >= 500,
    ...(b.more_info ? { description: b.more_info } : {}),
  });
}

export async function twilioRequest<T>(options: {
  http: HttpClient;
  account: TwilioAccount;
  method?: string;
  url: string;
  form?: Record<string, string>;
  signal?: AbortSignal;
}): Promise<HttpResponse<T>> {
  const response = await options.http.request<T>({
    method: options.method ?? 'GET',
    url: options.url,
    headers: { authorization: basicAuth(options.account), accept: 'application/json' },
    ...(options.form ? { form: options.form } : {}),
    // 429 (20429, "Too Many Requests") comes without Retry-After: ctx.http backs off exponentially
    maxRetries: 6,
    ignoreHttpStatusErrors: true,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (response.status >= 400) throw twilioError(response.status, response.body);
  return response;
}

/** Re-throws a NodeError with the item index attached. */
export function atItem(error: unknown, itemIndex: number): unknown {
  if (!(error instanceof NodeError) || error.itemIndex !== undefined) return error;
  return new NodeError(error.message, {
    code: error.code,
    itemIndex,
    retryable: error.retryable,
    ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
    ...(error.description === undefined ? {} : { description: error.description }),
    cause: error,
  });
}
