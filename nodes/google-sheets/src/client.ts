import { NodeError, ValidationError } from '@shopwire/sdk';
import type { HttpClient, HttpResponse } from '@shopwire/sdk';

export const SHEETS_API_VERSION = 'v4';

export interface SheetsAuth {
  accessToken: string;
  baseUrl: string;
}

export function parseSheetsAuth(raw: Record<string, unknown>): SheetsAuth {
  if (typeof raw.accessToken !== 'string' || raw.accessToken === '')
    throw new ValidationError('credential.accessToken', 'an OAuth access token is required');
  const baseUrl =
    typeof raw.baseUrl === 'string' && raw.baseUrl ? raw.baseUrl : 'https://sheets.googleapis.com';
  return { accessToken: raw.accessToken, baseUrl: baseUrl.replace(/\/+$/, '') };
}

/** `/v4/spreadsheets/{id}/values/{range}` with the range percent-encoded (`Sheet1!A1:C` → `Sheet1!A1%3AC`). */
export function valuesUrl(auth: SheetsAuth, spreadsheetId: string, range: string, suffix = ''): string {
  return `${auth.baseUrl}/${SHEETS_API_VERSION}/spreadsheets/${encodeURIComponent(spreadsheetId)}/values/${encodeURIComponent(range)}${suffix}`;
}

/** Google's `{error:{code, message, status}}` envelope → NodeError. */
export function sheetsError(status: number, body: unknown): NodeError {
  const e = (body as { error?: { message?: string; status?: string } } | null)?.error;
  const hint =
    status === 401
      ? ' (the access token is invalid or expired: reconnect the Google credential)'
      : status === 403
        ? ' (share the spreadsheet with the connected account)'
        : '';
  return new NodeError(
    `Google Sheets ${status}${e?.status ? ` ${e.status}` : ''}: ${e?.message ?? 'request failed'}${hint}`,
    {
      code: status === 401 ? 'AUTH_FAILED' : 'GOOGLE_SHEETS_ERROR',
      httpStatus: status,
      retryable: status === 429 || status >= 500,
    },
  );
}

export interface SheetsRequestOptions {
  http: HttpClient;
  auth: SheetsAuth;
  method?: string;
  url: string;
  query?: Record<string, string>;
  json?: unknown;
  signal?: AbortSignal;
  sleep: (ms: number) => Promise<void>;
  /** retries on 429 / 5xx (default 6: 1, 2, 4, 8, 16, 32 s covers the per-minute quota window) */
  maxRetries?: number;
  random?: () => number;
}

/**
 * Google sends no Retry-After on quota errors and asks for truncated exponential backoff
 * (1 s, 2 s, 4 s … + up to 1 s jitter, capped at 64 s), so this client waits itself.
 */
export async function sheetsRequest<T>(options: SheetsRequestOptions): Promise<HttpResponse<T>> {
  const maxRetries = options.maxRetries ?? 6;
  const random = options.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    const response = await options.http.request<T>({
      method: options.method ?? 'GET',
      url: options.url,
      headers: { authorization: `Bearer ${options.auth.accessToken}`, accept: 'application/json' },
      ...(options.query ? { query: options.query } : {}),
      ...(options.json === undefined ? {} : { json: options.json }),
      maxRetries: 0,
      ignoreHttpStatusErrors: true,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (response.status < 400) return response;
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || attempt >= maxRetries) throw sheetsError(response.status, response.body);
    await options.sleep(Math.min(64_000, 1000 * 2 ** attempt + Math.round(random() * 1000)));
  }
}
