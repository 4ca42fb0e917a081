import { ValidationError } from '@shopwire/sdk';
import {
  createWebhookRouter,
  type RouteMatch,
  type WebhookRoute,
  type WebhookRouter,
} from './webhook-router.js';
import type { ServedWorkflow, WebhookTarget } from './webhook-target.js';

/**
 * Editor "listen for a test call": in-memory /webhook-test/ routes for one (possibly unsaved)
 * document, removed on the first call or when they expire.
 */
export interface TestWebhooks {
  listen(workflow: ServedWorkflow, timeoutMs: number): { paths: string[]; expiresAt: string };
  match(method: string, path: string): RouteMatch<WebhookTarget>;
  /** the workflow being listened for, removed so only the first call runs */
  take(workflowId: string): ServedWorkflow | undefined;
  stop(): void;
}

export function createTestWebhooks(): TestWebhooks {
  const listening = new Map<
    string,
    { workflow: ServedWorkflow; routes: WebhookRoute<WebhookTarget>[]; timer: NodeJS.Timeout }
  >();
  let router: WebhookRouter<WebhookTarget> = createWebhookRouter();

  function rebuild(): void {
    router = createWebhookRouter([...listening.values()].flatMap((l) => l.routes));
  }

  function remove(workflowId: string): void {
    const entry = listening.get(workflowId);
    if (!entry) return;
    clearTimeout(entry.timer);
    listening.delete(workflowId);
    rebuild();
  }

  return {
    listen(workflow, timeoutMs) {
      const routes: WebhookRoute<WebhookTarget>[] = [];
      for (const [nodeId, hook] of workflow.webhookNodes) {
        for (const method of hook.methods)
          routes.push({ method, path: hook.path, target: { workflowId: workflow.workflowId, nodeId } });
      }
      if (routes.length === 0)
        throw new ValidationError('nodes', 'this workflow has no enabled Webhook trigger to listen for');
      for (const [otherId, other] of listening) {
        if (otherId === workflow.workflowId) continue;
        const clash = other.routes.find((o) =>
          routes.some((r) => r.path === o.path && r.method === o.method),
        );
        if (clash)
          throw new ValidationError(
            'path',
            `another workflow is already listening on ${clash.method} /webhook-test/${clash.path}`,
          );
      }
      remove(workflow.workflowId);
      const timer = setTimeout(() => remove(workflow.workflowId), timeoutMs);
      timer.unref();
      listening.set(workflow.workflowId, { workflow, routes, timer });
      rebuild();
      return {
        paths: [...new Set(routes.map((r) => r.path))],
        expiresAt: new Date(Date.now() + timeoutMs).toISOString(),
      };
    },
    match: (method, path) => router.match(method, path),
    take(workflowId) {
      const entry = listening.get(workflowId);
      if (entry) remove(workflowId);
      return entry?.workflow;
    },
    stop() {
      for (const id of [...listening.keys()]) remove(id);
    },
  };
}
