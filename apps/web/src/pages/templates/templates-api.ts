import type { ApiClient, WorkflowRecord } from '../../api/client.js';

/** The template gallery's calls (kept here so the shared ApiClient stays untouched). */

export interface TemplateCredentialSlot {
  slot: string;
  type: string;
  description: string;
}

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  category: string;
  credentials: TemplateCredentialSlot[];
  nodeCount: number;
}

export interface ImportedTemplate extends WorkflowRecord {
  activated: boolean;
  activationError?: string;
}

export function templatesApi(api: ApiClient) {
  return {
    list: () => api.request<{ items: TemplateSummary[] }>('GET', '/templates'),
    importTemplate: (id: string, body: { credentials: Record<string, string>; activate?: boolean }) =>
      api.request<ImportedTemplate>('POST', `/templates/${encodeURIComponent(id)}/import`, { body }),
  };
}
