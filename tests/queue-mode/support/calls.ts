import type { StepRecord } from '@shopwire/sdk';
import type { ApiClient, ExecutionDetail, ExecutionSummary, Loose } from '../../e2e/support/api.js';
import { waitFor } from '../../e2e/support/poll.js';

/** Small HTTP and polling helpers shared by the queue-mode tests. */

export async function postWebhook(
  baseUrl: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: Loose }> {
  const res = await fetch(`${baseUrl}/webhook/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

/** POSTs to a `immediately` webhook and returns the accepted execution's id (202). */
export async function accept(baseUrl: string, path: string, body: unknown): Promise<string> {
  const res = await postWebhook(baseUrl, path, body);
  if (res.status !== 202 || typeof res.body?.executionId !== 'string')
    throw new Error(
      `webhook ${path}: expected 202 with an executionId, got ${res.status} ${JSON.stringify(res.body)}`,
    );
  return res.body.executionId as string;
}

/** Polls the execution list of a workflow until `done(list)` holds. */
export function waitForExecutions(
  api: ApiClient,
  workflowId: string,
  done: (list: ExecutionSummary[]) => boolean,
  options: { what: string; timeoutMs: number },
): Promise<ExecutionSummary[]> {
  return waitFor(
    async () => {
      const list = await api.listExecutions(workflowId);
      return done(list) ? list : undefined;
    },
    { ...options, intervalMs: 150 },
  );
}

/** Polls one execution until its status is one of `statuses`. */
export function waitForStatus(
  api: ApiClient,
  id: string,
  statuses: string[],
  timeoutMs: number,
): Promise<ExecutionDetail> {
  return waitFor(
    async () => {
      const execution = await api.getExecution(id);
      return statuses.includes(execution.status) ? execution : undefined;
    },
    { what: `execution ${id} to be ${statuses.join(' or ')}`, timeoutMs, intervalMs: 100 },
  );
}

/** The successful steps of one node (a node that ran once has exactly one). */
export function successSteps(execution: ExecutionDetail, nodeId: string): StepRecord[] {
  return execution.steps.filter((s) => s.nodeId === nodeId && s.status === 'success');
}

export function firstJson(step: StepRecord | undefined): Record<string, unknown> | undefined {
  return step?.output?.['main']?.[0]?.json;
}
