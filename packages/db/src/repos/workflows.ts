import { parseWorkflow, ShopwireError, toErrorData, type Workflow } from '@shopwire/sdk';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Store, WorkflowRecord, WorkflowVersionRecord } from '../store-types.js';
import { newId } from '../ids.js';
import { CorruptRowError } from '../json-column.js';
import { affected, type RepoContext } from './context.js';

type WorkflowRow = Selectable<Database['workflows']>;

/** Parses a stored document through the sdk (migrations on load); names the row if it fails. */
export function loadDocument(text: string, where: { table: string; id: string }): Workflow {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CorruptRowError(
      where.table,
      where.id,
      'document',
      error instanceof Error ? error.message : 'invalid JSON',
    );
  }
  try {
    return parseWorkflow(raw);
  } catch (error) {
    throw new CorruptRowError(
      where.table,
      where.id,
      'document',
      error instanceof Error ? error.message : String(error),
    );
  }
}

function toRecord(row: WorkflowRow): WorkflowRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    active: Number(row.active) === 1,
    version: Number(row.version),
    document: loadDocument(row.document, { table: 'workflows', id: row.id }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** For lists: a row that cannot be read is returned with `loadError` and an empty document. */
function toListRecord(row: WorkflowRow): WorkflowRecord {
  try {
    return toRecord(row);
  } catch (error) {
    const document = parseWorkflow({ name: row.name || 'unreadable workflow', nodes: [] });
    return {
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      active: Number(row.active) === 1,
      version: Number(row.version),
      document: { ...document, id: row.id },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      loadError: toErrorData(error),
    };
  }
}

function toVersion(row: Selectable<Database['workflow_versions']>): WorkflowVersionRecord {
  return {
    workflowId: row.workflow_id,
    version: Number(row.version),
    document: loadDocument(row.document, {
      table: 'workflow_versions',
      id: `${row.workflow_id}@${row.version}`,
    }),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function createWorkflowsRepo(ctx: RepoContext): Store['workflows'] {
  const { db } = ctx;
  return {
    async create(input) {
      const id = newId('wf');
      const document = { ...parseWorkflow(input.document), id };
      const text = JSON.stringify(document);
      const now = ctx.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('workflows')
          .values({
            id,
            project_id: input.projectId,
            name: document.name,
            active: 0,
            version: 1,
            document: text,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto('workflow_versions')
          .values({
            workflow_id: id,
            version: 1,
            document: text,
            created_at: now,
            created_by: input.createdBy ?? null,
          })
          .execute();
      });
      return {
        id,
        projectId: input.projectId,
        name: document.name,
        active: false,
        version: 1,
        document,
        createdAt: now,
        updatedAt: now,
      };
    },

    async update(id, input) {
      const document = { ...parseWorkflow(input.document), id };
      const text = JSON.stringify(document);
      const now = ctx.now();
      const row = await db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('workflows').selectAll().where('id', '=', id).executeTakeFirst();
        if (!current) throw new ShopwireError('NOT_FOUND', `workflow ${id} not found`);
        const version = Number(current.version);
        if (input.expectedVersion !== undefined && input.expectedVersion !== version) {
          throw new ShopwireError(
            'CONFLICT',
            `workflow ${id} was changed by someone else (you edited version ${input.expectedVersion}, the current version is ${version}): reload it and apply your changes again`,
          );
        }
        const next = version + 1;
        // the version guard keeps this safe on databases with concurrent writers
        const result = await trx
          .updateTable('workflows')
          .set({ name: document.name, version: next, document: text, updated_at: now })
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (affected(result) !== 1)
          throw new ShopwireError(
            'CONFLICT',
            `workflow ${id} was changed concurrently: reload it and try again`,
          );
        await trx
          .insertInto('workflow_versions')
          .values({
            workflow_id: id,
            version: next,
            document: text,
            created_at: now,
            created_by: input.updatedBy ?? null,
          })
          .execute();
        return { ...current, name: document.name, version: next, document: text, updated_at: now };
      });
      return { ...toRecord(row), document };
    },

    async get(id) {
      const row = await db.selectFrom('workflows').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },

    async list(filter) {
      let query = db.selectFrom('workflows').selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc');
      if (filter.projectId !== undefined) query = query.where('project_id', '=', filter.projectId);
      if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
      if (filter.search) {
        const pattern = '%' + filter.search.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c) + '%';
        query = query.where(sql<boolean>`lower(name) like ${pattern} escape '\\'`);
      }
      return (await query.execute()).map(toListRecord);
    },

    async setActive(id, active) {
      const result = await db
        .updateTable('workflows')
        .set({ active: active ? 1 : 0 })
        .where('id', '=', id)
        .executeTakeFirst();
      if (affected(result) === 0) throw new ShopwireError('NOT_FOUND', `workflow ${id} not found`);
    },

    async delete(id) {
      return db.transaction().execute(async (trx) => {
        // executions that reference a saved version keep their own copy of it from now on
        await sql`UPDATE execution_start SET document = (
            SELECT v.document FROM executions e
            JOIN workflow_versions v ON v.workflow_id = e.workflow_id AND v.version = e.workflow_version
            WHERE e.id = execution_start.execution_id)
          WHERE document IS NULL
            AND execution_id IN (SELECT id FROM executions WHERE workflow_id = ${id})`.execute(trx);
        await trx.deleteFrom('workflow_versions').where('workflow_id', '=', id).execute();
        await trx.deleteFrom('webhooks').where('workflow_id', '=', id).execute();
        await trx.deleteFrom('schedules').where('workflow_id', '=', id).execute();
        await trx.deleteFrom('node_state').where('workflow_id', '=', id).execute();
        const result = await trx.deleteFrom('workflows').where('id', '=', id).executeTakeFirst();
        return affected(result) > 0;
      });
    },

    async versions(id) {
      const rows = await db
        .selectFrom('workflow_versions')
        .selectAll()
        .where('workflow_id', '=', id)
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toVersion);
    },

    async getVersion(id, version) {
      const row = await db
        .selectFrom('workflow_versions')
        .selectAll()
        .where('workflow_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return row ? toVersion(row) : undefined;
    },
  };
}
