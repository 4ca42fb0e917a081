import {
  ShopwireError,
  type CredentialResolver,
  type HttpClient,
  type IncomingWebhook,
  type Item,
  type Logger,
  type NodeStateStore,
} from '@shopwire/sdk';
import type { ExecutionRecord, NewExecution } from '@shopwire/db';
import type { ActiveWorkflows } from './active-workflows.js';
import type { TestWebhooks } from './test-webhooks.js';
import { createTriggerContext } from './trigger-context.js';
import type { ExecutionEvents, ExecutionOutcome, WebhookCall, WebhookHttpResponse } from './types.js';
import {
  errorResponse,
  failedResponse,
  fromWebhookResponse,
  jsonResponse,
  lastNodeResponse,
  stillRunning,
} from './webhook-response.js';
import type { WebhookRateLimiter } from './webhook-rate-limit.js';
import type { RouteMatch } from './webhook-router.js';
import type { ServedWorkflow, WebhookNode, WebhookTarget } from './webhook-target.js';

const DEDUPE_WINDOW_MS = 24 * 3_600_000;

export interface WebhookHandlerDeps {
  active: ActiveWorkflows;
  tests: TestWebhooks;
  events: ExecutionEvents;
  logger: Logger;
  http: HttpClient;
  credentials: CredentialResolver;
  nodeState: NodeStateStore;
  publicUrl: string;
  responseTimeoutMs: number;
  /** per workflow + path token buckets (webhook-rate-limit.ts); undefined = no limit */
  rateLimit?: WebhookRateLimiter | undefined;
  /** writes the queued row (durable) and remembers the run input for this process */
  createExecution(input: NewExecution, active: boolean): Promise<ExecutionRecord>;
  enqueue(executionId: string, projectId: string): Promise<void>;
}

type Outcome =
  | { kind: 'response'; response: WebhookHttpResponse }
  | { kind: 'finished'; outcome: ExecutionOutcome }
  | { kind: 'timeout' };

/** Turns an HTTP call on /webhook/... or /webhook-test/... into an execution and its answer. */
export function createWebhookHandler(
  deps: WebhookHandlerDeps,
): (call: WebhookCall) => Promise<WebhookHttpResponse> {
  const inflightKeys = new Set<string>();

  async function route(
    call: WebhookCall,
  ): Promise<
    { workflow: ServedWorkflow; hook: WebhookNode; params: Record<string, string> } | WebhookHttpResponse
  > {
    let match: RouteMatch<WebhookTarget> = call.test
      ? deps.tests.match(call.method, call.path)
      : deps.active.router.match(call.method, call.path);
    // a workflow activated by another process (CLI) shows up here after a reload
    if (match.kind === 'not-found' && !call.test && (await deps.active.reloadAfterMiss()))
      match = deps.active.router.match(call.method, call.path);
    if (match.kind === 'method-not-allowed') {
      const response = errorResponse(
        405,
        'METHOD_NOT_ALLOWED',
        `${call.method} is not allowed here; this webhook listens for ${match.allowed.join(', ')}`,
        {
          allowed: match.allowed,
        },
      );
      response.headers['allow'] = match.allowed.join(', ');
      return response;
    }
    const prefix = call.test ? 'webhook-test' : 'webhook';
    const notFound = errorResponse(
      404,
      'WEBHOOK_NOT_FOUND',
      call.test
        ? `Nobody is listening on ${call.method} /${prefix}/${call.path}. Click "Listen for test event" in the editor first; a test URL answers one call.`
        : `No active workflow listens on ${call.method} /${prefix}/${call.path}. Activate the workflow, or use /webhook-test/ while testing in the editor.`,
    );
    if (match.kind === 'not-found') return notFound;
    const workflow = call.test
      ? deps.tests.take(match.target.workflowId)
      : deps.active.get(match.target.workflowId);
    const hook = workflow?.webhookNodes.get(match.target.nodeId);
    if (!workflow || !hook) return notFound;
    return { workflow, hook, params: match.params };
  }

  async function toItems(
    call: WebhookCall,
    workflow: ServedWorkflow,
    hook: WebhookNode,
    params: Record<string, string>,
  ) {
    const spec = hook.trigger.spec;
    const request: IncomingWebhook = { ...call, pathParams: params };
    if (spec.type !== 'webhook' || !spec.handle) {
      return {
        items: [{ json: { body: call.body, headers: call.headers, query: call.query, params } }] as Item[],
      };
    }
    const ctx = createTriggerContext({
      params: hook.params,
      workflow: { id: workflow.workflowId, name: workflow.name, projectId: workflow.projectId },
      node: hook.trigger.node,
      definition: hook.trigger.definition,
      webhookUrl: `${deps.publicUrl.replace(/\/+$/, '')}/webhook/${hook.path}`,
      credentials: deps.credentials,
      http: deps.http,
      logger: deps.logger,
      nodeState: deps.nodeState,
    });
    try {
      const handled = await spec.handle(request, ctx);
      if ('reject' in handled) return { response: fromWebhookResponse(handled.reject, 400) };
      if ('ignore' in handled) return { response: fromWebhookResponse(handled.ignore, 200) };
      return handled;
    } catch (error) {
      return { response: errorResponse(400, 'WEBHOOK_REJECTED', (error as Error).message) };
    }
  }

  function awaitOutcome(
    executionId: string,
    hook: WebhookNode,
  ): { promise: Promise<Outcome>; cancel(): void } {
    let unsubscribe = (): void => undefined;
    let timer: NodeJS.Timeout | undefined;
    const promise = new Promise<Outcome>((resolve) => {
      const done = (outcome: Outcome): void => {
        unsubscribe();
        clearTimeout(timer);
        resolve(outcome);
      };
      unsubscribe = deps.events.subscribe(executionId, (event) => {
        if (event.type === 'response' && hook.responseMode === 'responseNode') {
          done({ kind: 'response', response: fromWebhookResponse(event.response, 200) });
        } else if (event.type === 'finished') done({ kind: 'finished', outcome: event.outcome });
      });
      timer = setTimeout(() => done({ kind: 'timeout' }), deps.responseTimeoutMs);
    });
    return { promise, cancel: () => (unsubscribe(), clearTimeout(timer)) };
  }

  function answer(executionId: string, hook: WebhookNode, outcome: Outcome): WebhookHttpResponse {
    if (outcome.kind === 'response') return outcome.response;
    if (outcome.kind === 'timeout') return stillRunning(executionId);
    const result = outcome.outcome;
    if (result.status === 'error' || result.status === 'canceled' || result.status === 'crashed')
      return failedResponse(executionId, result);
    if (result.status !== 'success') return stillRunning(executionId);
    if (hook.responseMode === 'responseNode') {
      if (result.response) return fromWebhookResponse(result.response, 200);
      return jsonResponse(200, {
        executionId,
        message: 'Workflow finished without a Respond to Webhook response',
      });
    }
    return lastNodeResponse(result.lastNodeItems, hook.responseCode);
  }

  async function handle(call: WebhookCall): Promise<WebhookHttpResponse> {
    const routed = await route(call);
    if ('status' in routed) return routed;
    const { workflow, hook, params } = routed;
    const limited = deps.rateLimit?.take(`${call.test ? 'test:' : ''}${workflow.workflowId}:${hook.path}`);
    if (limited) return limited;
    const handled = await toItems(call, workflow, hook, params);
    if ('response' in handled) return handled.response;
    let dedupe: string | undefined;
    if (handled.dedupeKey !== undefined) {
      dedupe = `${workflow.workflowId}:${hook.trigger.node.id}:${handled.dedupeKey}`;
      const seen = await deps.nodeState.get(
        workflow.workflowId,
        hook.trigger.node.id,
        `dedupe:${handled.dedupeKey}`,
      );
      if (
        inflightKeys.has(dedupe) ||
        (typeof seen === 'string' && Date.now() - Date.parse(seen) < DEDUPE_WINDOW_MS)
      ) {
        return jsonResponse(200, { duplicate: true });
      }
      inflightKeys.add(dedupe);
    }
    try {
      const waits = hook.responseMode !== 'immediately';
      const record = await deps.createExecution(
        {
          workflowId: workflow.workflowId,
          workflowVersion: workflow.version,
          projectId: workflow.projectId,
          mode: call.test ? 'webhook-test' : 'webhook',
          startNodeId: hook.trigger.node.id,
          startItems: handled.items,
          ...(waits ? { responseMode: hook.responseMode } : {}),
          document: workflow.document,
          // an active workflow's document is its saved version: stored by reference
          ...(call.test ? {} : { savedVersion: workflow.active }),
        },
        workflow.active,
      );
      if (handled.dedupeKey !== undefined) {
        await deps.nodeState.set(
          workflow.workflowId,
          hook.trigger.node.id,
          `dedupe:${handled.dedupeKey}`,
          new Date().toISOString(),
        );
      }
      if (!waits) {
        await deps.enqueue(record.id, record.projectId);
        return jsonResponse(202, { executionId: record.id });
      }
      // subscribe before the run can start, so no event is missed
      const waiter = awaitOutcome(record.id, hook);
      try {
        await deps.enqueue(record.id, record.projectId);
      } catch (error) {
        waiter.cancel();
        throw error;
      }
      return answer(record.id, hook, await waiter.promise);
    } finally {
      if (dedupe) inflightKeys.delete(dedupe);
    }
  }

  return async (call) => {
    try {
      return await handle(call);
    } catch (error) {
      if (error instanceof ShopwireError) return errorResponse(500, error.code, error.message);
      deps.logger.error('webhook failed', { path: call.path, error: (error as Error).message });
      return errorResponse(500, 'INTERNAL', 'the webhook could not be processed; see the server log');
    }
  };
}
