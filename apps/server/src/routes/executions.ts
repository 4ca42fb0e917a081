import { FINISHED_EXECUTION_STATUSES } from '@shopwire/sdk';
import type { ExecutionStatus } from '@shopwire/sdk';
import { z } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { httpError, notFound } from '../errors.js';
import type { ExecutionEvent } from '../runtime/types.js';
import { route, type RouteDef } from './route-def.js';
import { streamExecutionEvents } from './sse.js';
import {
  executionDetailWithDocument,
  executionSchema,
  executionView,
  executionWithDocumentSchema,
} from './views.js';

const RETRYABLE: readonly ExecutionStatus[] = ['error', 'canceled', 'crashed'];
const STATUSES = ['queued', 'running', 'waiting', 'success', 'error', 'canceled', 'crashed'] as const;

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO-8601 date or timestamp')
  .transform((s) => new Date(s).toISOString());

const listQuery = z.object({
  workflowId: z.string().min(1).max(128).optional(),
  status: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    )
    .pipe(z.array(z.enum(STATUSES)))
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(250).default(50),
});

export function executionRoutes(deps: AppDeps): RouteDef[] {
  const { store, runtime } = deps;

  async function load(id: string) {
    const record = await store.executions.get(id);
    if (!record) throw notFound(`execution ${id}`);
    return record;
  }

  return [
    route({
      method: 'get',
      path: '/api/v1/executions',
      summary: 'List executions, newest first (filters: workflowId, status=a,b, from/to; cursor pagination)',
      tag: 'executions',
      permission: { scope: 'project', action: 'workflow:read' },
      query: listQuery,
      response: z.object({ items: z.array(executionSchema), nextCursor: z.string().nullable() }),
      async handler(_c, { query, access }) {
        const page = await store.executions.list({
          projectId: access.projectId,
          workflowId: query.workflowId,
          status: query.status as ExecutionStatus[] | undefined,
          from: query.from,
          to: query.to,
          cursor: query.cursor,
          limit: query.limit,
        });
        return { items: page.items.map(executionView), nextCursor: page.nextCursor };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/executions/:id',
      summary:
        'Get an execution with its steps (per-node input and output data) and the workflow document it ran',
      tag: 'executions',
      permission: { scope: 'project', action: 'workflow:read', resource: 'execution' },
      response: executionWithDocumentSchema,
      async handler(_c, { params }) {
        return executionDetailWithDocument(store, await load(params['id'] ?? ''));
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/executions/:id/retry',
      summary: 'Retry a failed or canceled execution (a new execution; successful steps are reused)',
      tag: 'executions',
      permission: { scope: 'project', action: 'workflow:execute', resource: 'execution' },
      status: 201,
      response: executionSchema,
      async handler(_c, { params }) {
        const record = await load(params['id'] ?? '');
        if (!RETRYABLE.includes(record.status)) {
          throw httpError(
            409,
            `execution ${record.id} is ${record.status}: only failed or canceled executions can be retried`,
          );
        }
        return executionView(await runtime.retry(record.id));
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/executions/:id/cancel',
      summary: 'Cancel a queued, running or waiting execution',
      tag: 'executions',
      permission: { scope: 'project', action: 'workflow:execute', resource: 'execution' },
      response: z.object({ canceled: z.boolean(), status: z.string() }),
      async handler(_c, { params }) {
        const record = await load(params['id'] ?? '');
        const canceled = await runtime.cancel(record.id);
        const latest = (await store.executions.get(record.id)) ?? record;
        return { canceled, status: latest.status };
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/executions/:id',
      summary: 'Delete a finished execution and its data',
      tag: 'executions',
      permission: { scope: 'project', action: 'workflow:write', resource: 'execution' },
      status: 204,
      async handler(c, { params }) {
        const record = await load(params['id'] ?? '');
        if (!FINISHED_EXECUTION_STATUSES.includes(record.status))
          throw httpError(409, `execution ${record.id} is ${record.status}: cancel it first`);
        if (!(await store.executions.delete(record.id))) throw notFound(`execution ${record.id}`);
        return c.body(null, 204);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/executions/:id/events',
      summary: 'Server-Sent Events of one execution (step, finished); closes after finished',
      tag: 'executions',
      permission: { scope: 'project', action: 'workflow:read', resource: 'execution' },
      sse: true,
      async handler(c, { params }) {
        const record = await load(params['id'] ?? '');
        return streamExecutionEvents(c, {
          events: runtime.events,
          key: record.id,
          closeAfter: (event) => event.type === 'finished',
          // the execution may have finished before we subscribed: then say so and close
          initial: async () => {
            const latest = await store.executions.get(record.id);
            if (!latest || !FINISHED_EXECUTION_STATUSES.includes(latest.status)) return [];
            const finished: ExecutionEvent = {
              type: 'finished',
              executionId: latest.id,
              workflowId: latest.workflowId,
              outcome: latest.error
                ? { status: latest.status, error: latest.error }
                : { status: latest.status },
            };
            return [finished];
          },
        });
      },
    }),
  ];
}
