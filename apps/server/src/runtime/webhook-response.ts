import { jsonText, type Item, type WebhookResponse } from '@shopwire/sdk';
import type { ExecutionOutcome, WebhookHttpResponse } from './types.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): WebhookHttpResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: jsonText(body) ?? '' };
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): WebhookHttpResponse {
  return jsonResponse(status, { error: { code, message, ...extra } });
}

/** A Respond to Webhook (or trigger reject/ignore) response: strings as-is, anything else as JSON. */
export function fromWebhookResponse(response: WebhookResponse, defaultStatus: number): WebhookHttpResponse {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(response.headers ?? {})) headers[k.toLowerCase()] = String(v);
  const status = validStatus(response.status) ?? defaultStatus;
  if (response.body === undefined) return { status, headers, body: '' };
  if (typeof response.body === 'string') {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    return { status, headers, body: response.body };
  }
  headers['content-type'] ??= JSON_TYPE;
  return { status, headers, body: jsonText(response.body) ?? '' };
}

/** lastNode mode: the first item's json, or every item's json when there are several. */
export function lastNodeResponse(items: Item[] | undefined, status: number): WebhookHttpResponse {
  const list = items ?? [];
  const body = list.length === 1 ? (list[0] as Item).json : list.length === 0 ? {} : list.map((i) => i.json);
  return jsonResponse(status, body);
}

export function failedResponse(executionId: string, outcome: ExecutionOutcome): WebhookHttpResponse {
  const message =
    outcome.status === 'canceled'
      ? 'the execution was canceled'
      : (outcome.error?.message ?? 'the workflow failed');
  return errorResponse(500, 'WORKFLOW_FAILED', message, { executionId });
}

export function stillRunning(executionId: string): WebhookHttpResponse {
  return jsonResponse(202, { executionId, message: 'still running' });
}

function validStatus(status: number | undefined): number | undefined {
  return status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599
    ? status
    : undefined;
}
