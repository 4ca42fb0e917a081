import type { CodeRunRequest, ExpressionContext } from '@shopwire/sdk';

/** Shared fixtures for this package's tests. */
export function expressionContext(overrides: Partial<ExpressionContext> = {}): ExpressionContext {
  return {
    items: [
      { name: 'Mug', qty: 2, price: 4.5, tags: ['a', 'b'] },
      { name: 'Tee', qty: 1, price: 12, tags: [] },
    ],
    nodes: {
      'Shopify Trigger': { items: [{ order: 1001 }, { order: 1002 }] },
      Single: { items: [{ only: true }] },
    },
    vars: { shopName: 'Corner Shop' },
    execution: { id: 'exec-1', mode: 'manual', resumeUrl: 'http://127.0.0.1/resume/exec-1' },
    workflow: { id: 'wf-1', name: 'Orders', active: true },
    now: '2024-03-10T23:30:00.000Z',
    timezone: 'Europe/Berlin',
    ...overrides,
  };
}

export function codeRequest(code: string, overrides: Partial<CodeRunRequest> = {}): CodeRunRequest {
  const { items, ...context } = expressionContext();
  return { code, items: items.map((json) => ({ json })), context, ...overrides };
}
