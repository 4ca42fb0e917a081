import { ValidationError, type JsonValue } from '@shopwire/sdk';
import type { Selectable } from 'kysely';
import type { AuditRecord, AuditRepo } from '../access-types.js';
import { newId } from '../ids.js';
import type { Database } from '../schema.js';
import { affected, type RepoContext } from './context.js';

type AuditRow = Selectable<Database['audit_log']>;

function toRecord(row: AuditRow): AuditRecord {
  let details: Record<string, JsonValue> | null = null;
  if (row.details) {
    try {
      details = JSON.parse(row.details) as Record<string, JsonValue>;
    } catch {
      details = { unreadable: true };
    }
  }
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    targetType: row.target_type,
    targetId: row.target_id,
    projectId: row.project_id,
    ip: row.ip,
    userAgent: row.user_agent,
    details,
  };
}

function encodeCursor(row: { at: string; id: string }): string {
  return Buffer.from(`${row.at}|${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id) throw new ValidationError('cursor', 'is not a cursor from a previous page');
  return { at, id };
}

const clip = (value: string | null | undefined, max: number) => (value == null ? null : value.slice(0, max));

/** The audit log: append, list newest first with a cursor, prune by age. No update, no delete by id. */
export function createAuditRepo(ctx: RepoContext): AuditRepo {
  const { db } = ctx;
  return {
    async append(entry) {
      const row: AuditRow = {
        id: newId('au'),
        at: ctx.now(),
        actor_id: entry.actorId ?? null,
        actor_label: clip(entry.actorLabel, 320),
        action: entry.action.slice(0, 100),
        target_type: clip(entry.targetType, 100),
        target_id: clip(entry.targetId, 200),
        project_id: clip(entry.projectId, 200),
        ip: clip(entry.ip, 100),
        user_agent: clip(entry.userAgent, 500),
        details: entry.details === undefined ? null : JSON.stringify(entry.details).slice(0, 8192),
      };
      await db.insertInto('audit_log').values(row).execute();
      return toRecord(row);
    },
    async list(filter) {
      const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
      let query = db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
      if (filter.action) query = query.where('action', '=', filter.action);
      if (filter.from) query = query.where('at', '>=', filter.from);
      if (filter.to) query = query.where('at', '<=', filter.to);
      if (filter.cursor) {
        const c = decodeCursor(filter.cursor);
        query = query.where((eb) =>
          eb.or([eb('at', '<', c.at), eb.and([eb('at', '=', c.at), eb('id', '<', c.id)])]),
        );
      }
      const rows = await query.execute();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toRecord),
        nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
      };
    },
    async prune(before, batchSize = 500) {
      let total = 0;
      for (;;) {
        const ids = await db
          .selectFrom('audit_log')
          .select('id')
          .where('at', '<', before)
          .orderBy('at')
          .limit(batchSize)
          .execute();
        if (ids.length === 0) return total;
        const result = await db
          .deleteFrom('audit_log')
          .where(
            'id',
            'in',
            ids.map((r) => r.id),
          )
          .executeTakeFirst();
        total += affected(result);
        if (ids.length < batchSize) return total;
      }
    },
  };
}
