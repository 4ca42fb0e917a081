import {
  ShopwireError,
  itemsJson,
  refersToStartItems,
  resolveStepRefs,
  type Item,
  type Workflow,
} from '@shopwire/sdk';
import { sql } from 'kysely';
import type { ExecutionRow, StepRow } from '../schema.js';
import type { ExecutionRecord, NewExecution, Store } from '../store-types.js';
import { newId } from '../ids.js';
import { parseJsonColumn, toJsonOrNull } from '../json-column.js';
import { param, QueryTemplate } from '../query-template.js';
import { affected, type RepoContext } from './context.js';
import { decodeCursor, encodeCursor, toExecution, toStep } from './execution-mappers.js';
import { pruneExecutions } from './execution-prune.js';
import { loadRunDocument } from './run-document.js';

type Patch = Parameters<Store['executions']['update']>[1];

const PATCH_COLUMNS = {
  status: 'status',
  error: 'error',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  waitUntil: 'wait_until',
  dataBytes: 'data_bytes',
  truncated: 'truncated',
  claimedBy: 'claimed_by',
} as const;

type PatchKey = keyof typeof PATCH_COLUMNS;

function newRecord(input: NewExecution, id: string, now: string): ExecutionRecord {
  return {
    id,
    workflowId: input.workflowId,
    workflowVersion: input.workflowVersion,
    projectId: input.projectId,
    status: input.claimedBy === undefined ? 'queued' : 'running',
    mode: input.mode,
    startNodeId: input.startNodeId,
    destinationNodeId: input.destinationNodeId ?? null,
    retryOf: input.retryOf ?? null,
    parentExecutionId: input.parentExecutionId ?? null,
    error: null,
    createdAt: now,
    startedAt: input.claimedBy === undefined ? null : now,
    finishedAt: null,
    waitUntil: null,
    responseMode: input.responseMode ?? null,
    dataBytes: 0,
    truncated: false,
    claimedBy: input.claimedBy ?? null,
  };
}

function startRow(id: string, input: NewExecution): Record<string, unknown> {
  return {
    id,
    document: input.savedVersion ? null : JSON.stringify(input.document),
    items: itemsJson(input.startItems),
  };
}

export function createExecutionsRepo(ctx: RepoContext): Store['executions'] {
  const { db, writer } = ctx;
  const execCols = [
    'id',
    'workflow_id',
    'workflow_version',
    'project_id',
    'status',
    'mode',
    'start_node_id',
    'destination_node_id',
    'retry_of',
    'parent_execution_id',
    'error',
    'created_at',
    'started_at',
    'finished_at',
    'wait_until',
    'response_mode',
    'data_bytes',
    'truncated',
    'claimed_by',
  ] as const;
  // Hot path: compiled once, re-bound per call.
  const insertExecution = new QueryTemplate(
    db.insertInto('executions').values(Object.fromEntries(execCols.map((c) => [c, param(c)])) as never),
  );
  // exactly-once creates (schedule ticks): a second insert of the same id does nothing
  const insertExecutionOnce = new QueryTemplate(
    db
      .insertInto('executions')
      .values(Object.fromEntries(execCols.map((c) => [c, param(c)])) as never)
      .onConflict((oc) => oc.column('id').doNothing()),
  );
  const insertStartOnce = new QueryTemplate(
    db
      .insertInto('execution_start')
      .values({ execution_id: param('id'), document: param('document'), start_items: param('items') })
      .onConflict((oc) => oc.column('execution_id').doNothing()),
  );
  const insertStart = new QueryTemplate(
    db
      .insertInto('execution_start')
      .values({ execution_id: param('id'), document: param('document'), start_items: param('items') }),
  );
  const selectById = new QueryTemplate(db.selectFrom('executions').selectAll().where('id', '=', param('id')));
  // NULL document: the saved version the execution names (see NewExecution.savedVersion)
  const selectRunInput = new QueryTemplate(
    db
      .selectFrom('execution_start as s')
      .innerJoin('executions as e', 'e.id', 's.execution_id')
      .leftJoin('workflow_versions as v', (join) =>
        join.onRef('v.workflow_id', '=', 'e.workflow_id').onRef('v.version', '=', 'e.workflow_version'),
      )
      .select((eb) => [eb.fn.coalesce('s.document', 'v.document').as('document'), 's.start_items'])
      .where('s.execution_id', '=', param('id')),
  );
  const claimQuery = new QueryTemplate(
    db
      .updateTable('executions')
      .set((eb) => ({
        status: 'running',
        claimed_by: param('claimedBy'),
        started_at: eb.fn.coalesce('started_at', eb.val(param('now'))),
      }))
      .where('id', '=', param('id'))
      .where('status', '=', 'queued'),
  );
  // queue mode: a job re-delivered after its worker died takes the row over, but only from that
  // (dead) claimer, so a spurious re-delivery can never run an execution twice at once
  const takeOverQuery = new QueryTemplate(
    db
      .updateTable('executions')
      .set({ claimed_by: param('claimedBy') })
      .where('id', '=', param('id'))
      .where('status', '=', 'running')
      .where('claimed_by', '=', param('from')),
  );
  // queued/waiting, or running on a claimer known to be dead
  const cancelQuery = new QueryTemplate(
    db
      .updateTable('executions')
      .set({ status: 'canceled', finished_at: param('now'), wait_until: null })
      .where('id', '=', param('id'))
      .where((eb) =>
        eb.or([
          eb('status', 'in', ['queued', 'waiting']),
          eb.and([eb('status', '=', 'running'), eb('claimed_by', '=', param('deadClaimer'))]),
        ]),
      ),
  );
  const releaseWaitQuery = new QueryTemplate(
    db
      .updateTable('executions')
      .set({ status: 'queued', wait_until: null, claimed_by: null })
      .where('id', '=', param('id'))
      .where('status', '=', 'waiting'),
  );
  const selectStartItems = new QueryTemplate(
    db.selectFrom('execution_start').select('start_items').where('execution_id', '=', param('id')),
  );
  const selectSteps = new QueryTemplate(
    db
      .selectFrom('execution_steps')
      .selectAll()
      .where('execution_id', '=', param('id'))
      .orderBy('started_at')
      .orderBy('seq')
      .orderBy('run_index'),
  );
  const updateTemplates = new Map<string, QueryTemplate>();
  const updateTemplate = (keys: PatchKey[]): QueryTemplate => {
    const cacheKey = keys.join(',');
    let template = updateTemplates.get(cacheKey);
    if (!template) {
      const set = Object.fromEntries(keys.map((k) => [PATCH_COLUMNS[k], param(k)]));
      template = new QueryTemplate(db.updateTable('executions').set(set).where('id', '=', param('id')));
      updateTemplates.set(cacheKey, template);
    }
    return template;
  };

  return {
    async create(input) {
      const record = newRecord(input, newId('ex'), ctx.now());
      await writer.submit([
        insertExecution.bind(toRow(record) as unknown as Record<string, unknown>),
        insertStart.bind(startRow(record.id, input)),
      ]);
      return record;
    },

    async createOnce(input, id) {
      const record = newRecord(input, id, ctx.now());
      const [inserted] = await writer.submit([
        insertExecutionOnce.bind(toRow(record) as unknown as Record<string, unknown>),
        insertStartOnce.bind(startRow(record.id, input)),
      ]);
      return affected(inserted) === 1 ? record : undefined;
    },

    async get(id) {
      const rows = await ctx.conn.read<ExecutionRow>(selectById.bind({ id }));
      return rows[0] ? toExecution(rows[0]) : undefined;
    },

    async getRunInput(id) {
      const rows = await ctx.conn.read<{ document: string | null; start_items: string }>(
        selectRunInput.bind({ id }),
      );
      const row = rows[0];
      if (!row || row.document === null) return undefined;
      const document: Workflow = loadRunDocument(row.document, id);
      const startItems =
        parseJsonColumn<Item[]>(row.start_items, { table: 'execution_start', id, column: 'start_items' }) ??
        [];
      return { document, startItems };
    },

    async list(filter) {
      const limit = Math.min(Math.max(Math.floor(filter.limit ?? 50), 1), 250);
      let query = db
        .selectFrom('executions')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (filter.projectId !== undefined) query = query.where('project_id', '=', filter.projectId);
      if (filter.workflowId !== undefined) query = query.where('workflow_id', '=', filter.workflowId);
      if (filter.status !== undefined) {
        if (filter.status.length === 0) return { items: [], nextCursor: null };
        query = query.where('status', 'in', filter.status);
      }
      if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('created_at', '<=', filter.to);
      if (filter.cursor) {
        const c = decodeCursor(filter.cursor);
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', c.createdAt),
            eb.and([eb('created_at', '=', c.createdAt), eb('id', '<', c.id)]),
          ]),
        );
      }
      const rows = await query.execute();
      const items = rows.slice(0, limit).map(toExecution);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
    },

    async claim(id, claimedBy, now) {
      const [result] = await writer.submit([claimQuery.bind({ id, claimedBy, now })]);
      return affected(result) === 1;
    },

    async takeOver(id, from, claimedBy) {
      const [result] = await writer.submit([takeOverQuery.bind({ id, from, claimedBy })]);
      return affected(result) === 1;
    },

    async cancelIdle(id, now, deadClaimer) {
      const [result] = await writer.submit([cancelQuery.bind({ id, now, deadClaimer: deadClaimer ?? '' })]);
      return affected(result) === 1;
    },

    async releaseWait(id) {
      const [result] = await writer.submit([releaseWaitQuery.bind({ id })]);
      return affected(result) === 1;
    },

    async listQueued(limit) {
      const rows = await db
        .selectFrom('executions')
        .selectAll()
        .where('status', '=', sql.lit('queued'))
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toExecution);
    },

    async listOrphaned(liveClaimers) {
      let query = db.selectFrom('executions').selectAll().where('status', '=', sql.lit('running'));
      if (liveClaimers.length > 0) {
        query = query.where((eb) =>
          eb.or([eb('claimed_by', 'is', null), eb('claimed_by', 'not in', liveClaimers)]),
        );
      }
      return (await query.orderBy('created_at').orderBy('id').execute()).map(toExecution);
    },

    async listDueWaits(now, limit) {
      const rows = await db
        .selectFrom('executions')
        .selectAll()
        .where('status', '=', sql.lit('waiting'))
        .where('wait_until', '<=', now)
        .orderBy('wait_until')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toExecution);
    },

    async nextWaitAt() {
      const row = await db
        .selectFrom('executions')
        .select((eb) => eb.fn.min('wait_until').as('next'))
        .where('status', '=', sql.lit('waiting'))
        .executeTakeFirst();
      return row?.next ?? null;
    },

    async update(id, patch) {
      const keys = (Object.keys(PATCH_COLUMNS) as PatchKey[]).filter((k) => patch[k] !== undefined);
      if (keys.length === 0) return;
      const values: Record<string, unknown> = { id };
      for (const key of keys) values[key] = patchValue(key, patch);
      const [result] = await writer.submit([updateTemplate(keys).bind(values)]);
      if (affected(result) === 0) throw new ShopwireError('NOT_FOUND', `execution ${id} not found`);
    },

    async steps(id) {
      const rows = await ctx.conn.read<StepRow>(selectSteps.bind({ id }));
      // lists stored as references to stored outputs or the start items (StepJson) come back as items
      const steps = rows.map(toStep);
      if (!refersToStartItems(steps)) return resolveStepRefs(steps);
      const [start] = await ctx.conn.read<{ start_items: string }>(selectStartItems.bind({ id }));
      const startItems = start
        ? parseJsonColumn<Item[]>(start.start_items, { table: 'execution_start', id, column: 'start_items' })
        : undefined;
      return resolveStepRefs(steps, startItems);
    },

    async delete(id) {
      const results = await writer.submit([
        db.deleteFrom('execution_steps').where('execution_id', '=', id).compile(),
        db.deleteFrom('execution_start').where('execution_id', '=', id).compile(),
        db.deleteFrom('executions').where('id', '=', id).compile(),
      ]);
      return affected(results[2]) > 0;
    },

    prune: (options, now) => pruneExecutions(ctx, options, now),
  };
}

function patchValue(key: PatchKey, patch: Patch): unknown {
  switch (key) {
    case 'error':
      return toJsonOrNull(patch.error);
    case 'truncated':
      return patch.truncated ? 1 : 0;
    default:
      return patch[key];
  }
}

function toRow(r: ExecutionRecord): ExecutionRow {
  return {
    id: r.id,
    workflow_id: r.workflowId,
    workflow_version: r.workflowVersion,
    project_id: r.projectId,
    status: r.status,
    mode: r.mode,
    start_node_id: r.startNodeId,
    destination_node_id: r.destinationNodeId,
    retry_of: r.retryOf,
    parent_execution_id: r.parentExecutionId,
    error: toJsonOrNull(r.error),
    created_at: r.createdAt,
    started_at: r.startedAt,
    finished_at: r.finishedAt,
    wait_until: r.waitUntil,
    response_mode: r.responseMode,
    data_bytes: r.dataBytes,
    truncated: r.truncated ? 1 : 0,
    claimed_by: r.claimedBy,
  };
}
