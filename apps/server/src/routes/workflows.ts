import { ValidationError, workflowSchema } from '@shopwire/sdk';
import { z } from '@shopwire/sdk';
import type { AppDeps } from '../app-env.js';
import { notFound } from '../errors.js';
import { route, type RouteDef } from './route-def.js';
import {
  importWorkflow,
  parseAndValidateWorkflow,
  workflowRecordSchema,
  workflowSummary,
  workflowSummarySchema,
  workflowView,
} from './workflow-docs.js';

/** Workflow CRUD, versions, activation, import/export. Runs and live events: workflow-run.ts. */

const WORKFLOW_BODY_BYTES = 8 * 1024 * 1024;
const idParam = (params: Record<string, string>) => params['id'] ?? '';

const listQuery = z.object({
  search: z.string().max(200).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
const versionParam = z.coerce.number().int().min(1);
const expectedVersionQuery = z.object({ expectedVersion: z.coerce.number().int().min(1).optional() });

export function workflowRoutes(deps: AppDeps): RouteDef[] {
  const { store, registry, runtime } = deps;

  async function load(id: string) {
    const record = await store.workflows.get(id);
    if (!record) throw notFound(`workflow ${id}`);
    return record;
  }

  /** keeps triggers in sync after the document of an active workflow changed */
  async function refreshActivation(id: string, wasActive: boolean): Promise<void> {
    if (wasActive) await runtime.activate(id);
  }

  return [
    route({
      method: 'get',
      path: '/api/v1/workflows',
      summary: 'List workflows',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:read' },
      query: listQuery,
      response: z.object({ items: z.array(workflowSummarySchema) }),
      async handler(_c, { query, access }) {
        const records = await store.workflows.list({
          projectId: access.projectId,
          search: query.search,
          active: query.active,
        });
        // last execution per workflow: one indexed query each, cheap on SQLite
        const items = await Promise.all(
          records.map(async (record) => {
            const last = await store.executions.list({ workflowId: record.id, limit: 1 });
            const exec = last.items[0];
            return {
              ...workflowSummary(record),
              lastExecution: exec ? { id: exec.id, status: exec.status, createdAt: exec.createdAt } : null,
            };
          }),
        );
        return { items };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/workflows',
      summary: 'Create a workflow from a document (validated against the node registry)',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:write' },
      audit: { action: 'workflow.create', targetType: 'workflow' },
      documentedBody: workflowSchema,
      maxBodyBytes: WORKFLOW_BODY_BYTES,
      status: 201,
      response: workflowRecordSchema,
      async handler(_c, { body, auth, access }) {
        const document = parseAndValidateWorkflow(body ?? {}, registry);
        const { id: _ignored, ...rest } = document;
        const record = await store.workflows.create({
          projectId: access.projectId,
          document: { ...rest },
          createdBy: auth?.user.id,
        });
        return workflowView(record);
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/workflows/import',
      summary:
        'Import a workflow document: updates the workflow with the document id when it exists, else creates one',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:write' },
      audit: { action: 'workflow.import', targetType: 'workflow' },
      documentedBody: workflowSchema,
      maxBodyBytes: WORKFLOW_BODY_BYTES,
      response: workflowRecordSchema.extend({ created: z.boolean() }),
      async handler(c, { body, auth, access }) {
        const { record, created } = await importWorkflow({
          store,
          registry,
          raw: body ?? {},
          userId: auth?.user.id,
          projectId: access.projectId,
        });
        if (!created) await refreshActivation(record.id, record.active);
        return c.json({ ...workflowView(record), created }, created ? 201 : 200);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/workflows/:id',
      summary: 'Get a workflow with its current document',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:read', resource: 'workflow' },
      response: workflowRecordSchema,
      async handler(_c, { params }) {
        return workflowView(await load(idParam(params)));
      },
    }),
    route({
      method: 'put',
      path: '/api/v1/workflows/:id',
      summary:
        'Save a new version (optional expectedVersion in the query or body: 409 when stale); re-activates an active workflow',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:write', resource: 'workflow' },
      audit: { action: 'workflow.update', targetType: 'workflow' },
      documentedBody: workflowSchema.extend({ expectedVersion: z.number().int().min(1).optional() }),
      query: expectedVersionQuery,
      maxBodyBytes: WORKFLOW_BODY_BYTES,
      response: workflowRecordSchema,
      async handler(_c, { body, query, params, auth }) {
        const existing = await load(idParam(params));
        let raw: unknown = body ?? {};
        let expected = query.expectedVersion;
        if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'expectedVersion' in raw) {
          const { expectedVersion, ...rest } = raw as Record<string, unknown>;
          raw = rest;
          expected ??= parseExpectedVersion(expectedVersion);
        }
        const document = parseAndValidateWorkflow(raw, registry);
        const record = await store.workflows.update(existing.id, {
          document,
          expectedVersion: expected,
          updatedBy: auth?.user.id,
        });
        await refreshActivation(record.id, existing.active);
        return workflowView({ ...record, active: existing.active });
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/workflows/:id',
      summary: 'Delete a workflow (deactivates it first)',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:write', resource: 'workflow' },
      audit: { action: 'workflow.delete', targetType: 'workflow' },
      status: 204,
      async handler(c, { params }) {
        const record = await load(idParam(params));
        if (record.active) await runtime.deactivate(record.id);
        if (!(await store.workflows.delete(record.id))) throw notFound(`workflow ${record.id}`);
        return c.body(null, 204);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/workflows/:id/versions',
      summary: 'List the saved versions of a workflow (newest first)',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:read', resource: 'workflow' },
      response: z.object({
        items: z.array(
          z.object({
            version: z.number(),
            name: z.string(),
            createdAt: z.string(),
            createdBy: z.string().nullable(),
          }),
        ),
      }),
      async handler(_c, { params }) {
        const record = await load(idParam(params));
        const versions = await store.workflows.versions(record.id);
        const items = versions
          .map((v) => ({
            version: v.version,
            name: v.document.name,
            createdAt: v.createdAt,
            createdBy: v.createdBy,
          }))
          .sort((a, b) => b.version - a.version);
        return { items };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/workflows/:id/versions/:version',
      summary: 'Get one saved version of a workflow',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:read', resource: 'workflow' },
      response: z.object({
        workflowId: z.string(),
        version: z.number(),
        createdAt: z.string(),
        createdBy: z.string().nullable(),
        document: workflowSchema,
      }),
      async handler(_c, { params }) {
        const record = await load(idParam(params));
        const version = versionNumber(params['version']);
        const found = await store.workflows.getVersion(record.id, version);
        if (!found) throw notFound(`version ${version} of workflow ${record.id}`);
        return found;
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/workflows/:id/versions/:version/restore',
      summary: 'Save an old version as the new current version',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:write', resource: 'workflow' },
      audit: { action: 'workflow.update', targetType: 'workflow' },
      response: workflowRecordSchema,
      async handler(_c, { params, auth }) {
        const record = await load(idParam(params));
        const version = versionNumber(params['version']);
        const found = await store.workflows.getVersion(record.id, version);
        if (!found) throw notFound(`version ${version} of workflow ${record.id}`);
        const document = parseAndValidateWorkflow(found.document, registry);
        const updated = await store.workflows.update(record.id, { document, updatedBy: auth?.user.id });
        await refreshActivation(record.id, record.active);
        return workflowView({ ...updated, active: record.active });
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/workflows/:id/activate',
      summary: 'Activate: register webhooks, schedules and polling of the workflow',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:activate', resource: 'workflow' },
      audit: { action: 'workflow.activate', targetType: 'workflow' },
      response: workflowSummarySchema,
      async handler(_c, { params }) {
        const record = await load(idParam(params));
        await runtime.activate(record.id);
        return workflowSummary(await load(record.id));
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/workflows/:id/deactivate',
      summary: 'Deactivate: remove the triggers of the workflow',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:activate', resource: 'workflow' },
      audit: { action: 'workflow.deactivate', targetType: 'workflow' },
      response: workflowSummarySchema,
      async handler(_c, { params }) {
        const record = await load(idParam(params));
        await runtime.deactivate(record.id);
        return workflowSummary(await load(record.id));
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/workflows/:id/export',
      summary: 'Export the workflow document (credentials by id only, never their data)',
      tag: 'workflows',
      permission: { scope: 'project', action: 'workflow:read', resource: 'workflow' },
      response: workflowSchema,
      async handler(c, { params }) {
        const record = await load(idParam(params));
        const safeName = record.name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'workflow';
        c.header('Content-Disposition', `attachment; filename="${safeName}.json"`);
        return c.json(record.document);
      },
    }),
  ];
}

function versionNumber(raw: string | undefined): number {
  const parsed = versionParam.safeParse(raw);
  if (!parsed.success) throw notFound(`version ${raw ?? ''}`);
  return parsed.data;
}

function parseExpectedVersion(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = z.number().int().min(1).safeParse(value);
  if (!parsed.success) throw new ValidationError('expectedVersion', 'must be a positive whole number');
  return parsed.data;
}
