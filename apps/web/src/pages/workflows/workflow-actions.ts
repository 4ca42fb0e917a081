import { api, type WorkflowRecord, type WorkflowSummary } from '../../api/client.js';
import { downloadJson, safeFileName } from '../../lib/download.js';

/** The list's mutations that need more than one API call. */

/** Saves the current document under a new name (a new version; 409 if someone saved meanwhile). */
export async function renameWorkflow(id: string, name: string): Promise<WorkflowRecord> {
  const current = await api.workflows.get(id);
  return api.workflows.update(id, { ...current.document, name }, { expectedVersion: current.version });
}

/** A copy of the document as a new (inactive) workflow. */
export async function duplicateWorkflow(
  summary: WorkflowSummary,
  existingNames: string[],
): Promise<WorkflowRecord> {
  const current = await api.workflows.get(summary.id);
  const { id: _id, ...document } = current.document;
  return api.workflows.create({ ...document, name: copyName(summary.name, existingNames) });
}

export async function exportWorkflow(summary: WorkflowSummary): Promise<void> {
  const document = await api.workflows.export(summary.id);
  downloadJson(`${safeFileName(summary.name)}.json`, document);
}

/** "Orders (copy)", then "Orders (copy 2)", ... */
export function copyName(name: string, existing: string[]): string {
  const base = `${name} (copy`;
  const taken = new Set(existing);
  if (!taken.has(`${base})`)) return `${base})`.slice(0, 200);
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n})`)) return `${base} ${n})`.slice(0, 200);
}
