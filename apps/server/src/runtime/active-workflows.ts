import type { Logger } from '@shopwire/sdk';
import type { Store, WorkflowRecord } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import { normalizeWebhookPath } from './webhook-paths.js';
import { createWebhookRouter, type WebhookRouter } from './webhook-router.js';
import { serveWorkflow, type ServedWorkflow, type WebhookTarget } from './webhook-target.js';

export interface ActiveWorkflows {
  get(workflowId: string): ServedWorkflow | undefined;
  list(): ServedWorkflow[];
  readonly router: WebhookRouter<WebhookTarget>;
  /** re-reads active workflows and webhook registrations; calls onChange with the new state */
  reload(): Promise<void>;
  /** after a route miss: reload at most once per `minIntervalMs`; true if it reloaded */
  reloadAfterMiss(): Promise<boolean>;
}

/**
 * The in-memory copy of what is active, kept in sync with the database (the CLI may activate
 * workflows while the server runs). Webhook routing reads only this: no DB read per request.
 */
export function createActiveWorkflows(deps: {
  store: Store;
  registry: NodeRegistry;
  logger: Logger;
  onChange(active: ActiveWorkflows): Promise<void>;
  missReloadIntervalMs?: number;
}): ActiveWorkflows {
  let served = new Map<string, ServedWorkflow>();
  let router = createWebhookRouter<WebhookTarget>();
  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let lastMissReload = 0;

  function toServed(record: WorkflowRecord): ServedWorkflow | undefined {
    const previous = served.get(record.id);
    if (previous && previous.version === record.version) return previous;
    try {
      return serveWorkflow({
        workflowId: record.id,
        projectId: record.projectId,
        version: record.version,
        active: true,
        document: record.document,
        registry: deps.registry,
        normalizePath: (p) => normalizeWebhookPath(p),
      });
    } catch (error) {
      deps.logger.error('active workflow can not be served', {
        workflowId: record.id,
        error: (error as Error).message,
      });
      return undefined;
    }
  }

  async function load(): Promise<void> {
    const [records, registrations] = await Promise.all([
      deps.store.workflows.list({ active: true }),
      deps.store.webhooks.all(),
    ]);
    const next = new Map<string, ServedWorkflow>();
    for (const record of records) {
      const s = toServed(record);
      if (s) next.set(record.id, s);
    }
    const nextRouter = createWebhookRouter<WebhookTarget>();
    for (const r of registrations) {
      if (!next.has(r.workflowId)) continue;
      nextRouter.add({
        method: r.method,
        path: r.path,
        target: { workflowId: r.workflowId, nodeId: r.nodeId },
      });
    }
    served = next;
    router = nextRouter;
    await deps.onChange(api);
  }

  const api: ActiveWorkflows = {
    get: (id) => served.get(id),
    list: () => [...served.values()],
    get router() {
      return router;
    },
    reload() {
      if (!inFlight) {
        inFlight = load().finally(() => (inFlight = undefined));
        return inFlight;
      }
      // a load already running may have read the database before the caller's change
      queued ??= inFlight
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return api.reload();
        });
      return queued;
    },
    async reloadAfterMiss() {
      const now = Date.now();
      if (now - lastMissReload < (deps.missReloadIntervalMs ?? 1000)) return false;
      lastMissReload = now;
      await api.reload();
      return true;
    },
  };
  return api;
}
