import type { StepRecord } from '@shopwire/sdk';

/** A tiny authenticated client for /api/v1 (session cookie or API key). */

/** Answers are checked field by field with `expect`, so their type is deliberately loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface ApiResponse<T = Loose> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** `csrf`: the shopwire_csrf cookie value, sent as X-CSRF-Token on unsafe requests like the editor does. */
export type Auth =
  { cookie: string; csrf?: string } | { apiKey: string; header?: 'authorization' | 'x-api-key' } | undefined;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ExecutionSummary {
  id: string;
  workflowId: string;
  status: string;
  createdAt: string;
  finishedAt?: string | null;
  [key: string]: unknown;
}

export interface ExecutionDetail extends ExecutionSummary {
  steps: StepRecord[];
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly auth: Auth,
  ) {}

  headers(extra: Record<string, string> = {}, method = 'GET'): Record<string, string> {
    const h: Record<string, string> = { ...extra };
    if (this.auth && 'cookie' in this.auth) {
      h['cookie'] = this.auth.cookie;
      if (this.auth.csrf && !SAFE_METHODS.has(method.toUpperCase())) h['x-csrf-token'] ??= this.auth.csrf;
    }
    if (this.auth && 'apiKey' in this.auth) {
      if (this.auth.header === 'x-api-key') h['x-api-key'] = this.auth.apiKey;
      else h['authorization'] = `Bearer ${this.auth.apiKey}`;
    }
    return h;
  }

  /** `body` is sent as JSON unless it is already a string (sent raw, for malformed-input tests). */
  async request<T = Loose>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: this.headers(extraHeaders, method) };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'content-type': 'application/json', ...this.headers(extraHeaders, method) };
    }
    const res = await fetch(`${this.baseUrl}${path}`, init);
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  }

  get<T = Loose>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Loose>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = Loose>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }

  /** Creates a workflow and returns its id (throws with the server's answer on failure). */
  async createWorkflow(document: unknown): Promise<string> {
    const res = await this.post('/api/v1/workflows', document);
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`create workflow: ${res.status} ${res.text}`);
    return res.body.id as string;
  }

  async activate(workflowId: string): Promise<void> {
    const res = await this.post(`/api/v1/workflows/${workflowId}/activate`);
    if (res.status !== 200) throw new Error(`activate ${workflowId}: ${res.status} ${res.text}`);
  }

  async listExecutions(workflowId: string): Promise<ExecutionSummary[]> {
    const res = await this.get(`/api/v1/executions?workflowId=${encodeURIComponent(workflowId)}&limit=250`);
    if (res.status !== 200) throw new Error(`list executions: ${res.status} ${res.text}`);
    return itemsOf<ExecutionSummary>(res.body);
  }

  async getExecution(id: string): Promise<ExecutionDetail> {
    const res = await this.get(`/api/v1/executions/${id}`);
    if (res.status !== 200) throw new Error(`get execution ${id}: ${res.status} ${res.text}`);
    return res.body as ExecutionDetail;
  }
}

/** List endpoints answer `{ items: [...] }`. */
export function itemsOf<T>(body: unknown): T[] {
  const items = (body as { items?: unknown })?.items;
  if (!Array.isArray(items))
    throw new Error(`expected { items: [...] }, got ${JSON.stringify(body)?.slice(0, 300)}`);
  return items as T[];
}

export const OWNER = { email: 'owner@shop.test', name: 'Owner', password: 'correct horse battery staple' };

/** POST /api/v1/setup: creates the owner and returns a client holding the session cookie. */
export async function setupOwner(baseUrl: string): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OWNER),
  });
  const text = await res.text();
  if (res.status !== 200 && res.status !== 201) throw new Error(`setup: ${res.status} ${text}`);
  const cookie = sessionCookie(res.headers);
  if (!cookie) throw new Error(`setup answered ${res.status} without a shopwire_session cookie`);
  const csrf = csrfCookie(res.headers);
  return new ApiClient(baseUrl, csrf ? { cookie, csrf } : { cookie });
}

export function sessionCookie(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const match = /^(shopwire_session=[^;]+)/.exec(line);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** The value of the readable shopwire_csrf cookie (the X-CSRF-Token for this session). */
export function csrfCookie(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const match = /^shopwire_csrf=([^;]+)/.exec(line);
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  return undefined;
}
