import type { Workflow } from '@shopwire/sdk';
import type {
  CredentialSummary,
  CredentialTypeInfo,
  ExecutionDetail,
  NodeTypeDescription,
  PreviewResult,
  VersionSummary,
  WorkflowRecord,
} from './types.js';

/**
 * What the editor needs from the REST API. Implemented with fetch against /api/v1 (same origin,
 * session cookie). Kept as a small interface so the shell's ApiClient can stand behind it.
 */

export class EditorApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface EditorApi {
  nodeTypes(): Promise<NodeTypeDescription[]>;
  getWorkflow(id: string): Promise<WorkflowRecord>;
  createWorkflow(doc: Workflow): Promise<WorkflowRecord>;
  saveWorkflow(id: string, doc: Workflow, expectedVersion: number): Promise<WorkflowRecord>;
  deleteWorkflow(id: string): Promise<void>;
  setActive(id: string, active: boolean): Promise<WorkflowRecord | undefined>;
  run(id: string, body: { document: Workflow; startNodeId?: string; destinationNodeId?: string }): Promise<{ id: string }>;
  testWebhook(id: string, doc: Workflow): Promise<{ urls: string[]; expiresAt: string }>;
  getExecution(id: string): Promise<ExecutionDetail>;
  retryExecution(id: string): Promise<{ id: string }>;
  versions(id: string): Promise<VersionSummary[]>;
  restoreVersion(id: string, version: number): Promise<WorkflowRecord>;
  getVersion(id: string, version: number): Promise<{ version: number; document: Workflow }>;
  credentials(): Promise<CredentialSummary[]>;
  credentialTypes(): Promise<CredentialTypeInfo[]>;
  createCredential(body: { name: string; type: string; data: Record<string, unknown> }): Promise<CredentialSummary>;
  preview(body: Record<string, unknown>, signal?: AbortSignal): Promise<PreviewResult>;
  /** Server-Sent Events URL (the browser's EventSource sends the session cookie) */
  eventsUrl(kind: 'workflows' | 'executions', id: string): string;
}

async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
    throw new EditorApiError(res.status, err?.code ?? 'HTTP', err?.message ?? `HTTP ${res.status}`, err?.field);
  }
  return json as T;
}

export function createFetchEditorApi(): EditorApi {
  const enc = encodeURIComponent;
  return {
    nodeTypes: async () => {
      const r = await call<{ items?: NodeTypeDescription[] } | NodeTypeDescription[]>('GET', '/node-types');
      return Array.isArray(r) ? r : (r.items ?? []);
    },
    getWorkflow: (id) => call('GET', `/workflows/${enc(id)}`),
    createWorkflow: (doc) => call('POST', '/workflows', doc),
    saveWorkflow: (id, doc, expectedVersion) => call('PUT', `/workflows/${enc(id)}`, { ...doc, expectedVersion }),
    deleteWorkflow: (id) => call('DELETE', `/workflows/${enc(id)}`),
    setActive: (id, active) => call('POST', `/workflows/${enc(id)}/${active ? 'activate' : 'deactivate'}`, {}),
    run: (id, body) => call('POST', `/workflows/${enc(id)}/run`, { ...body, wait: false }),
    testWebhook: (id, document) => call('POST', `/workflows/${enc(id)}/test-webhook`, { document }),
    getExecution: (id) => call('GET', `/executions/${enc(id)}`),
    retryExecution: (id) => call('POST', `/executions/${enc(id)}/retry`, {}),
    versions: async (id) => {
      const r = await call<{ items?: VersionSummary[] } | VersionSummary[]>('GET', `/workflows/${enc(id)}/versions`);
      return Array.isArray(r) ? r : (r.items ?? []);
    },
    getVersion: (id, version) => call('GET', `/workflows/${enc(id)}/versions/${version}`),
    restoreVersion: (id, version) => call('POST', `/workflows/${enc(id)}/versions/${version}/restore`, {}),
    credentials: async () => {
      const r = await call<{ items?: CredentialSummary[] } | CredentialSummary[]>('GET', '/credentials');
      return Array.isArray(r) ? r : (r.items ?? []);
    },
    credentialTypes: async () => {
      const r = await call<{ items?: CredentialTypeInfo[] } | CredentialTypeInfo[]>('GET', '/credential-types');
      return Array.isArray(r) ? r : (r.items ?? []);
    },
    createCredential: (body) => call('POST', '/credentials', body),
    preview: (body, signal) => call('POST', '/expressions/preview', body, signal),
    eventsUrl: (kind, id) => `/api/v1/${kind}/${enc(id)}/events`,
  };
}
