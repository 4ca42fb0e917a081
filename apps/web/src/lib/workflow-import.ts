import type { ApiClient, WorkflowRecord } from '../api/client.js';

/**
 * Turns pasted/uploaded text into a workflow import. Malformed JSON is caught here with the
 * position of the error; anything that parses goes to the server, which validates the document and
 * names the bad field. Either way, nothing is created unless the whole document is valid.
 */
export class ImportError extends Error {}

export function parseWorkflowText(text: string): Record<string, unknown> {
  if (!text.trim()) throw new ImportError('The file is empty: paste or choose a workflow JSON document.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`This is not valid JSON (${detail}). Nothing was imported.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ImportError('A workflow must be a JSON object with "name" and "nodes". Nothing was imported.');
  return value as Record<string, unknown>;
}

export async function importWorkflowText(
  api: ApiClient,
  text: string,
): Promise<WorkflowRecord & { created: boolean }> {
  const document = parseWorkflowText(text);
  return api.workflows.import(document);
}
