import type { Item } from '@shopwire/sdk';
import { FINISHED_EXECUTION_STATUSES } from '@shopwire/sdk';
import { z } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { notFound } from '../errors.js';
import { route, type RouteDef } from './route-def.js';
import { streamExecutionEvents } from './sse.js';
import { underField } from './validation.js';
import { executionDetail, executionDetailSchema, executionSchema, executionView } from './views.js';
import { parseAndValidateWorkflow } from './workflow-docs.js';

/** Running a workflow from the API/editor, test webhooks, and the editor's live event stream. */

const itemSchema = z.object({
  json: z.record(z.string(), z.unknown()),
  binary: z
    .record(
      z.string(),
      z.object({ mimeType: z.string(), fileName: z.string().optional(), data: z.string(), size: z.number() }),
    )
    .optional(),
  pairedItem: z.number().int().optional(),
});

const runBody = z.object({
  items: z.array(itemSchema).max(100_000).optional(),
  startNodeId: z.string().min(1).optional(),
  destinationNodeId: z.string().min(1).optional(),
  /** partial run ("run to/from here"): reuse this execution's successful upstream steps */
  priorExecutionId: z.string().min(1).max(128).optional(),
  /** unsaved edits to run instead of the stored document */
  document: z.unknown().optional(),
  wait: z.boolean().default(false),
  timeoutMs: z.number().int().min(0).max(600_000).default(30_000),
});

const testWebhookBody = z.object({ document: z.unknown().optional() });

export function workflowRunRoutes(deps: AppDeps): RouteDef[] {
  const { store, registry, runtime } = deps;

  async function load(id: string) {
    const record = await store.workflows.get(id);
    if (!record) throw notFound(`workflow ${id}`);
    return record;
  }

  return [
    route({
      method: 'post',
      path: '/api/v1/workflows/:id/run',
      summary:
        'Run a workflow now; with wait: true answers with the finished execution, or 202 + id when it takes longer than timeoutMs',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:execute', resource: 'workflow' },
      body: runBody,
      maxBodyBytes: 8 * 1024 * 1024,
      status: 202,
      response: z.union([executionDetailSchema, executionSchema]),
      async handler(c, { body, params, auth }) {
        const workflow = await load(params['id'] ?? '');
        const document =
          body.document === undefined
            ? undefined
            : underField('document', () => parseAndValidateWorkflow(body.document, registry));
        const execution = await runtime.runWorkflow({
          workflowId: workflow.id,
          document,
          startNodeId: body.startNodeId,
          destinationNodeId: body.destinationNodeId,
          priorExecutionId: body.priorExecutionId,
          items: body.items as Item[] | undefined,
          mode: auth?.via === 'apiKey' ? 'api' : 'manual',
        });
        if (body.wait) {
          const outcome = await runtime.waitForFinish(execution.id, body.timeoutMs);
          const latest = (await store.executions.get(execution.id)) ?? execution;
          if (outcome && FINISHED_EXECUTION_STATUSES.includes(latest.status))
            return c.json(await executionDetail(store, latest), 200);
          return c.json(executionView(latest), 202);
        }
        return c.json(executionView(execution), 202);
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/workflows/:id/test-webhook',
      summary:
        'Listen on /webhook-test/... for the next call to this workflow (editor "listen for test event")',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:execute', resource: 'workflow' },
      body: testWebhookBody,
      maxBodyBytes: 8 * 1024 * 1024,
      response: z.object({ urls: z.array(z.string()), expiresAt: z.string() }),
      async handler(_c, { body, params }) {
        const workflow = await load(params['id'] ?? '');
        const document =
          body.document === undefined
            ? workflow.document
            : underField('document', () => parseAndValidateWorkflow(body.document, registry));
        return runtime.listenForTestWebhook(workflow.id, { ...document, id: workflow.id });
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/workflows/:id/events',
      summary: 'Server-Sent Events of every execution of this workflow (started, step, finished)',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:read', resource: 'workflow' },
      sse: true,
      async handler(c, { params }) {
        const workflow = await load(params['id'] ?? '');
        return streamExecutionEvents(c, { events: runtime.events, key: workflow.id });
      },
    }),
  ];
}
