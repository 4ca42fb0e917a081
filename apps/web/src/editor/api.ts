import type { Workflow } from '@shopwire/sdk';
import { ApiError, type ApiClient } from '../api/client.js';
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
 * What the editor needs from the REST API, in the editor's own types, implemented over the shell's
 * ApiClient (src/api/client.ts: same session, same 401 handling, same ApiError). A narrow
 * interface keeps the editor's components independent of the client's full surface.
 */

/** The editor reports failures as the shell's ApiError (status, code, field). */
export { ApiError as EditorApiError };

export interface EditorApi {
  nodeTypes(): Promise<NodeTypeDescription[]>;
  getWorkflow(id: string): Promise<WorkflowRecord>;
  createWorkflow(doc: Workflow): Promise<WorkflowRecord>;
  saveWorkflow(id: string, doc: Workflow, expectedVersion: number): Promise<WorkflowRecord>;
  deleteWorkflow(id: string): Promise<void>;
  setActive(id: string, active: boolean): Promise<unknown>;
  run(
    id: string,
    body: { document: Workflow; startNodeId?: string; destinationNodeId?: string; priorExecutionId?: string },
  ): Promise<{ id: string }>;
  testWebhook(id: string, doc: Workflow): Promise<{ urls: string[]; expiresAt: string }>;
  getExecution(id: string): Promise<ExecutionDetail>;
  retryExecution(id: string): Promise<{ id: string }>;
  versions(id: string): Promise<VersionSummary[]>;
  restoreVersion(id: string, version: number): Promise<WorkflowRecord>;
  getVersion(id: string, version: number): Promise<{ version: number; document: Workflow }>;
  credentials(): Promise<CredentialSummary[]>;
  credentialTypes(): Promise<CredentialTypeInfo[]>;
  createCredential(body: {
    name: string;
    type: string;
    data: Record<string, unknown>;
  }): Promise<CredentialSummary>;
  preview(body: Record<string, unknown>, signal?: AbortSignal): Promise<PreviewResult>;
  /** Server-Sent Events URL (the browser's EventSource sends the session cookie) */
  eventsUrl(kind: 'workflows' | 'executions', id: string): string;
}

export function createEditorApi(client: ApiClient): EditorApi {
  const record = (r: unknown) => r as WorkflowRecord;
  return {
    nodeTypes: async () => (await client.nodeTypes()).items as unknown as NodeTypeDescription[],
    getWorkflow: async (id) => record(await client.workflows.get(id)),
    createWorkflow: async (doc) => record(await client.workflows.create(doc)),
    saveWorkflow: async (id, doc, expectedVersion) =>
      record(await client.workflows.update(id, doc, { expectedVersion })),
    deleteWorkflow: (id) => client.workflows.remove(id),
    setActive: (id, active) => (active ? client.workflows.activate(id) : client.workflows.deactivate(id)),
    run: (id, body) => client.workflows.run(id, { ...body, wait: false }),
    testWebhook: (id, document) => client.workflows.testWebhook(id, { document }),
    getExecution: async (id) => (await client.executions.get(id)) as unknown as ExecutionDetail,
    retryExecution: (id) => client.executions.retry(id),
    versions: async (id) => (await client.workflows.versions(id)).items,
    getVersion: (id, version) => client.workflows.version(id, version),
    restoreVersion: async (id, version) => record(await client.workflows.restoreVersion(id, version)),
    credentials: async () => (await client.credentials.list()).items,
    credentialTypes: async () => (await client.credentialTypes()).items as unknown as CredentialTypeInfo[],
    createCredential: (body) => client.credentials.create(body),
    preview: (body, signal) => client.previewExpression(body, signal),
    eventsUrl: (kind, id) => client.url(`/${kind}/${encodeURIComponent(id)}/events`),
  };
}
