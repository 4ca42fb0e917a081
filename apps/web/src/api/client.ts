import { ApiError } from './api-error.js';
import type {
  CredentialType,
  CredentialView,
  Execution,
  ExecutionDetail,
  ExecutionListQuery,
  ExpressionPreview,
  RunWorkflowBody,
  User,
  Variable,
  Workflow,
  WorkflowInput,
  WorkflowRecord,
  WorkflowSummary,
  WorkflowVersionSummary,
} from './types.js';
import type {
  AccountUser,
  ApiKey,
  ApiKeyScope,
  AuditEntry,
  AuditQuery,
  InstanceRole,
  ManagedUser,
  Project,
  ProjectMember,
  ProjectRole,
} from './settings-types.js';

/**
 * The typed client of /api/v1, shared by the pages and the canvas editor. Session cookie auth
 * (same origin). Every non-2xx answer rejects with an ApiError carrying the server's code and field.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | string[] | undefined>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

export interface ApiClient {
  /** escape hatch for routes without a helper below; path is relative to /api/v1 */
  request<T>(method: Method, path: string, options?: RequestOptions): Promise<T>;
  /** absolute URL of an API path (for EventSource: the cookie goes along) */
  url(path: string, query?: Query): string;

  setupStatus(): Promise<{ needsSetup: boolean }>;
  setup(body: { email: string; name: string; password: string }): Promise<{ user: User }>;
  login(body: { email: string; password: string; totpCode?: string }): Promise<{ user: User }>;
  logout(): Promise<void>;
  me(): Promise<{ user: User; via: 'session' | 'apiKey' }>;

  workflows: {
    list(query?: { search?: string; active?: boolean }): Promise<{ items: WorkflowSummary[] }>;
    get(id: string): Promise<WorkflowRecord>;
    create(document: WorkflowInput): Promise<WorkflowRecord>;
    update(
      id: string,
      document: WorkflowInput,
      options?: { expectedVersion?: number },
    ): Promise<WorkflowRecord>;
    remove(id: string): Promise<void>;
    /** accepts anything: the server validates and names the bad field */
    import(raw: unknown): Promise<WorkflowRecord & { created: boolean }>;
    export(id: string): Promise<Workflow>;
    activate(id: string): Promise<WorkflowSummary>;
    deactivate(id: string): Promise<WorkflowSummary>;
    run(id: string, body?: RunWorkflowBody): Promise<Execution | ExecutionDetail>;
    testWebhook(
      id: string,
      body?: { document?: WorkflowInput },
    ): Promise<{ urls: string[]; expiresAt: string }>;
    versions(id: string): Promise<{ items: WorkflowVersionSummary[] }>;
    version(id: string, version: number): Promise<{ version: number; document: Workflow }>;
    restoreVersion(id: string, version: number): Promise<WorkflowRecord>;
  };
  /** evaluates a `{{ }}` template against sample data in the server's sandbox */
  previewExpression(body: Record<string, unknown>, signal?: AbortSignal): Promise<ExpressionPreview>;
  executions: {
    list(query?: ExecutionListQuery): Promise<{ items: Execution[]; nextCursor: string | null }>;
    get(id: string): Promise<ExecutionDetail>;
    retry(id: string): Promise<Execution>;
    cancel(id: string): Promise<{ canceled: boolean; status: string }>;
    remove(id: string): Promise<void>;
  };
  credentialTypes(): Promise<{ items: CredentialType[] }>;
  credentials: {
    list(): Promise<{ items: CredentialView[] }>;
    get(id: string): Promise<CredentialView>;
    create(body: { name: string; type: string; data: Record<string, unknown> }): Promise<CredentialView>;
    update(id: string, body: { name?: string; data?: Record<string, unknown> }): Promise<CredentialView>;
    remove(id: string): Promise<void>;
    test(id: string): Promise<{ ok: boolean; message: string }>;
  };
  variables: {
    list(): Promise<{ items: Variable[] }>;
    set(key: string, value: string): Promise<Variable>;
    remove(key: string): Promise<void>;
  };
  nodeTypes(): Promise<{ items: Record<string, unknown>[] }>;

  /** owner and admins (403 for the others) */
  audit(query?: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }>;
  users: {
    list(): Promise<{ items: ManagedUser[] }>;
    invite(body: {
      email: string;
      name: string;
      role: InstanceRole;
      password: string;
      projects?: { projectId: string; role: ProjectRole }[];
    }): Promise<ManagedUser>;
    update(id: string, body: { role?: InstanceRole; name?: string }): Promise<ManagedUser>;
    remove(id: string): Promise<void>;
  };
  projects: {
    list(): Promise<{ items: Project[] }>;
    create(body: { name: string }): Promise<Project>;
    members(id: string): Promise<{ items: ProjectMember[] }>;
    /** adds the user, or changes their role when they are a member already */
    addMember(id: string, body: { userId: string; role: ProjectRole }): Promise<ProjectMember>;
    updateMember(id: string, userId: string, role: ProjectRole): Promise<ProjectMember>;
    removeMember(id: string, userId: string): Promise<void>;
  };
  /** the caller's own keys; `key` is in the create answer only */
  apiKeys: {
    list(): Promise<{ items: ApiKey[] }>;
    create(body: { name: string; scope: ApiKeyScope }): Promise<ApiKey & { key: string }>;
    revoke(id: string): Promise<void>;
  };
  /** the signed-in user's own account (session only) */
  account: {
    me(): Promise<{ user: AccountUser }>;
    /** logs out every other session of the user */
    changePassword(body: {
      currentPassword: string;
      newPassword: string;
    }): Promise<{ sessionsRevoked: number }>;
    startTotp(): Promise<{ secret: string; otpauthUrl: string }>;
    confirmTotp(code: string): Promise<{ totpEnabled: boolean }>;
    disableTotp(password: string): Promise<{ totpEnabled: boolean }>;
  };
}

export interface ApiClientOptions {
  /** origin + prefix, default `/api/v1` (same origin) */
  baseUrl?: string;
  /** called on any 401 from a protected route, so the app can show the login form */
  onUnauthenticated?: () => void;
  fetch?: typeof fetch;
}

function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

function csrfToken(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const match = /(?:^|;\s*)shopwire_csrf=([^;]*)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const base = options.baseUrl ?? '/api/v1';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    // the server checks X-CSRF-Token on unsafe methods of cookie sessions (readable shopwire_csrf cookie)
    const csrf = method === 'GET' ? undefined : csrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    let res: Response;
    try {
      res = await doFetch(`${base}${path}${buildQuery(opts.query)}`, {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') throw error;
      throw new ApiError({
        status: 0,
        code: 'NETWORK',
        message: 'cannot reach the Shopwire server: check that it is running',
      });
    }
    if (!res.ok) {
      const error = await ApiError.fromResponse(res);
      const isAuthRoute = path === '/login' || path === '/setup' || path === '/me';
      if (res.status === 401 && !isAuthRoute) options.onUnauthenticated?.();
      throw error;
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
  const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body });

  return {
    request,
    url: (path, query) => `${base}${path}${buildQuery(query)}`,
    setupStatus: () => get('/setup'),
    setup: (body) => post('/setup', body),
    login: (body) => post('/login', body),
    logout: () => post('/logout'),
    me: () => get('/me'),
    workflows: {
      list: (query) => get('/workflows', { search: query?.search, active: query?.active }),
      get: (id) => get(`/workflows/${enc(id)}`),
      create: (document) => post('/workflows', document),
      update: (id, document, opts) =>
        request('PUT', `/workflows/${enc(id)}`, {
          body: document,
          query: { expectedVersion: opts?.expectedVersion },
        }),
      remove: (id) => request('DELETE', `/workflows/${enc(id)}`),
      import: (raw) => post('/workflows/import', raw),
      export: (id) => get(`/workflows/${enc(id)}/export`),
      activate: (id) => post(`/workflows/${enc(id)}/activate`),
      deactivate: (id) => post(`/workflows/${enc(id)}/deactivate`),
      run: (id, body) => post(`/workflows/${enc(id)}/run`, body ?? {}),
      testWebhook: (id, body) => post(`/workflows/${enc(id)}/test-webhook`, body ?? {}),
      versions: (id) => get(`/workflows/${enc(id)}/versions`),
      version: (id, version) => get(`/workflows/${enc(id)}/versions/${version}`),
      restoreVersion: (id, version) => post(`/workflows/${enc(id)}/versions/${version}/restore`),
    },
    previewExpression: (body, signal) => request('POST', '/expressions/preview', { body, signal }),
    executions: {
      list: (query) =>
        get('/executions', {
          workflowId: query?.workflowId,
          status: query?.status,
          from: query?.from,
          to: query?.to,
          cursor: query?.cursor,
          limit: query?.limit,
        }),
      get: (id) => get(`/executions/${enc(id)}`),
      retry: (id) => post(`/executions/${enc(id)}/retry`),
      cancel: (id) => post(`/executions/${enc(id)}/cancel`),
      remove: (id) => request('DELETE', `/executions/${enc(id)}`),
    },
    credentialTypes: () => get('/credential-types'),
    credentials: {
      list: () => get('/credentials'),
      get: (id) => get(`/credentials/${enc(id)}`),
      create: (body) => post('/credentials', body),
      update: (id, body) => request('PATCH', `/credentials/${enc(id)}`, { body }),
      remove: (id) => request('DELETE', `/credentials/${enc(id)}`),
      test: (id) => post(`/credentials/${enc(id)}/test`),
    },
    variables: {
      list: () => get('/variables'),
      set: (key, value) => request('PUT', `/variables/${enc(key)}`, { body: { value } }),
      remove: (key) => request('DELETE', `/variables/${enc(key)}`),
    },
    nodeTypes: () => get('/node-types'),
    audit: (query) =>
      get('/audit', {
        actor: query?.actor,
        action: query?.action,
        from: query?.from,
        to: query?.to,
        cursor: query?.cursor,
        limit: query?.limit,
      }),
    users: {
      list: () => get('/users'),
      invite: (body) => post('/users', body),
      update: (id, body) => request('PATCH', `/users/${enc(id)}`, { body }),
      remove: (id) => request('DELETE', `/users/${enc(id)}`),
    },
    projects: {
      list: () => get('/projects'),
      create: (body) => post('/projects', body),
      members: (id) => get(`/projects/${enc(id)}/members`),
      addMember: (id, body) => post(`/projects/${enc(id)}/members`, body),
      updateMember: (id, userId, role) =>
        request('PATCH', `/projects/${enc(id)}/members/${enc(userId)}`, { body: { role } }),
      removeMember: (id, userId) => request('DELETE', `/projects/${enc(id)}/members/${enc(userId)}`),
    },
    apiKeys: {
      list: () => get('/api-keys'),
      create: (body) => post('/api-keys', body),
      revoke: (id) => request('DELETE', `/api-keys/${enc(id)}`),
    },
    account: {
      me: () => get('/me'),
      changePassword: (body) => post('/me/password', body),
      startTotp: () => post('/me/totp'),
      confirmTotp: (code) => post('/me/totp/confirm', { code }),
      disableTotp: (password) => post('/me/totp/disable', { password }),
    },
  };
}

/** The app's client. The shell sets `onUnauthenticated` through `setUnauthenticatedHandler`. */
let unauthenticatedHandler: (() => void) | undefined;
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  unauthenticatedHandler = handler;
}
export const api: ApiClient = createApiClient({ onUnauthenticated: () => unauthenticatedHandler?.() });

export { ApiError, errorMessage } from './api-error.js';
export type * from './settings-types.js';
export type {
  CredentialType,
  CredentialView,
  Execution,
  ExecutionDetail,
  ExecutionListQuery,
  ExecutionStatus,
  ExpressionPreview,
  JsonSchema,
  RunWorkflowBody,
  User,
  Variable,
  Workflow,
  WorkflowInput,
  WorkflowRecord,
  WorkflowSummary,
  WorkflowVersionSummary,
} from './types.js';
