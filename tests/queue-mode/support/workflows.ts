import type { WorkflowInput } from '@shopwire/sdk';
import { link, setNode, waitNode, webhookNode, workflow } from '../../e2e/support/workflows.js';

/** Workflow documents of the queue-mode tests (core nodes only), built on the e2e builders. */

type Node = ReturnType<typeof setNode>;

let x = 0;
function node(id: string, type: string, params: Record<string, unknown>): Node {
  x += 220;
  return { id, name: id, type, typeVersion: 1, params, position: [x, 300] };
}

/** HTTP Request to the ledger, carrying the execution id as Idempotency-Key (stable across replays). */
export function ledgerCall(
  id: string,
  url: string,
  options: { method?: 'GET' | 'PUT'; body?: Record<string, unknown> } = {},
): Node {
  return node(id, 'core.httpRequest', {
    method: options.method ?? 'PUT',
    url,
    headers: [{ name: 'Idempotency-Key', value: '{{ $execution.id }}' }],
    ...(options.body ? { bodyType: 'json', body: options.body } : {}),
    timeoutMs: 60_000,
    // one request per run: the ledger counts them
    maxRetries: 0,
  });
}

export function scheduleNode(id: string, params: Record<string, unknown>): Node {
  return node(id, 'core.schedule', params);
}

/** Set node that stamps a random token: re-running it would change the token downstream */
export const stampNode = (id: string): Node =>
  setNode(id, [{ name: 'token', value: '{{ Math.random() }}', type: 'number' }]);

/**
 * webhook(immediately) → stamp (random token) → PUT <url> {token, n} → Set(done): the durability
 * workflow; `url` carries the ledger's delay parameters.
 */
export function ledgerWorkflow(name: string, path: string, url: string): WorkflowInput {
  return workflow(
    name,
    [
      webhookNode('hook', path, 'immediately'),
      stampNode('stamp'),
      ledgerCall('put', url, { body: { token: '{{ $json.token }}', n: '{{ $json.body.n }}' } }),
      setNode('done', [{ name: 'done', value: true, type: 'boolean' }]),
    ],
    [link('hook', 'stamp'), link('stamp', 'put'), link('put', 'done')],
  );
}

/** webhook(immediately) → stamp → Wait(seconds) → Set(resumed) */
export function waitWorkflow(name: string, path: string, seconds: number): WorkflowInput {
  return workflow(
    name,
    [
      webhookNode('hook', path, 'immediately'),
      stampNode('stamp'),
      waitNode('pause', seconds),
      setNode('after', [{ name: 'resumed', value: true, type: 'boolean' }]),
    ],
    [link('hook', 'stamp'), link('stamp', 'pause'), link('pause', 'after')],
  );
}

export function withSettings(document: WorkflowInput, settings: Record<string, unknown>): WorkflowInput {
  return { ...document, settings: { ...(document.settings ?? {}), ...settings } } as WorkflowInput;
}
