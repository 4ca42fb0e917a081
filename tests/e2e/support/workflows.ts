import type { WorkflowInput } from '@shopwire/sdk';

/** Builders for workflow documents used by the end-to-end tests (core node types only). */

type NodeSpec = { id: string; name?: string; type: string; params: Record<string, unknown> };

let x = 0;
function node(spec: NodeSpec) {
  x += 220;
  return {
    id: spec.id,
    name: spec.name ?? spec.id,
    type: spec.type,
    typeVersion: 1,
    params: spec.params,
    position: [x, 0] as [number, number],
  };
}

export const webhookNode = (
  id: string,
  path: string,
  responseMode: 'immediately' | 'lastNode' | 'responseNode' = 'lastNode',
) => node({ id, type: 'core.webhook', params: { path, method: 'POST', responseMode, responseCode: 200 } });

export const setNode = (id: string, fields: { name: string; value: unknown; type?: string }[]) =>
  node({
    id,
    type: 'core.set',
    params: { fields: fields.map((f) => ({ type: 'auto', ...f })), includeOtherFields: true },
  });

export const codeNode = (id: string, code: string) =>
  node({ id, type: 'core.code', params: { code, mode: 'allItems' } });

export const ifNode = (id: string, conditions: { left: unknown; operator: string; right?: unknown }[]) =>
  node({ id, type: 'core.if', params: { conditions, combine: 'and' } });

export const respondNode = (id: string, respondWith = 'firstItem', statusCode = 200) =>
  node({ id, type: 'core.respondToWebhook', params: { respondWith, statusCode } });

export const waitNode = (id: string, seconds: number) =>
  node({ id, type: 'core.wait', params: { mode: 'duration', amount: seconds, unit: 'seconds' } });

export const httpNode = (id: string, url: string) =>
  node({ id, type: 'core.httpRequest', params: { method: 'GET', url } });

export const link = (from: string, to: string, output = 'main', input = 0) => ({
  from: { node: from, output },
  to: { node: to, input },
});

export function workflow(
  name: string,
  nodes: ReturnType<typeof node>[],
  connections: ReturnType<typeof link>[],
): WorkflowInput {
  return { schemaVersion: 1, name, nodes, connections, settings: {} };
}

/** webhook(lastNode) → Set(total) : the smallest useful active workflow. */
export function orderTotalWorkflow(path: string, name = `Order total ${path}`): WorkflowInput {
  return workflow(
    name,
    [
      webhookNode('hook', path, 'lastNode'),
      setNode('total', [
        {
          name: 'total',
          value: '{{ $json.body.items.reduce((s, i) => s + i.qty * i.price, 0) }}',
          type: 'number',
        },
      ]),
    ],
    [link('hook', 'total')],
  );
}

export const ORDER = {
  orderId: 123,
  items: [
    { sku: 'A', qty: 2, price: 9.5 },
    { sku: 'B', qty: 1, price: 20 },
  ],
};
export const ORDER_TOTAL = 39;
