import { ValidationError } from '@shopwire/sdk';
import type { Store, WebhookRegistration } from '../store-types.js';
import { affected, type RepoContext } from './context.js';

function normalize(reg: WebhookRegistration): WebhookRegistration {
  return { ...reg, method: reg.method.toUpperCase(), path: reg.path.replace(/^\/+/, '') };
}

export function createWebhooksRepo(ctx: RepoContext): Store['webhooks'] {
  const { db } = ctx;
  return {
    async replaceForWorkflow(workflowId, registrations) {
      const regs = registrations.map(normalize);
      const seen = new Map<string, string>();
      for (const reg of regs) {
        const key = `${reg.method} ${reg.path}`;
        const other = seen.get(key);
        if (other !== undefined) {
          throw new ValidationError(
            `nodes.${reg.nodeId}.params.path`,
            `path "${reg.path}" is already used by node ${other} of this workflow`,
          );
        }
        seen.set(key, reg.nodeId);
      }
      await db.transaction().execute(async (trx) => {
        if (regs.length > 0) {
          const taken = await trx
            .selectFrom('webhooks')
            .select(['method', 'path', 'workflow_id'])
            .where('path', 'in', [...new Set(regs.map((r) => r.path))])
            .where('workflow_id', '!=', workflowId)
            .execute();
          for (const reg of regs) {
            const clash = taken.find((t) => t.method === reg.method && t.path === reg.path);
            if (clash) {
              throw new ValidationError(
                `nodes.${reg.nodeId}.params.path`,
                `path "${reg.path}" is already used by workflow ${clash.workflow_id}`,
              );
            }
          }
        }
        await trx.deleteFrom('webhooks').where('workflow_id', '=', workflowId).execute();
        if (regs.length > 0) {
          await trx
            .insertInto('webhooks')
            .values(
              regs.map((r) => ({
                method: r.method,
                path: r.path,
                workflow_id: workflowId,
                node_id: r.nodeId,
                project_id: r.projectId,
              })),
            )
            .execute();
        }
      });
    },
    async removeForWorkflow(workflowId) {
      await db.deleteFrom('webhooks').where('workflow_id', '=', workflowId).execute();
    },
    async all() {
      const rows = await db.selectFrom('webhooks').selectAll().orderBy('path').orderBy('method').execute();
      return rows.map((r) => ({
        workflowId: r.workflow_id,
        nodeId: r.node_id,
        method: r.method,
        path: r.path,
        projectId: r.project_id,
      }));
    },
  };
}

export function createSchedulesRepo(ctx: RepoContext): Store['schedules'] {
  const { db } = ctx;
  return {
    async replaceForWorkflow(workflowId, schedules) {
      for (const [i, s] of schedules.entries()) {
        if (s.cron === null && s.intervalMs === null) {
          throw new ValidationError(
            `nodes.${s.nodeId}.params`,
            `schedule ${i} needs a cron expression or an interval`,
          );
        }
      }
      await db.transaction().execute(async (trx) => {
        let remove = trx.deleteFrom('schedules').where('workflow_id', '=', workflowId);
        if (schedules.length > 0)
          remove = remove.where(
            'node_id',
            'not in',
            schedules.map((s) => s.nodeId),
          );
        await remove.execute();
        for (const s of schedules) {
          // an upsert keeps last_tick_at, so re-activating does not re-fire a tick already run
          await trx
            .insertInto('schedules')
            .values({
              workflow_id: workflowId,
              node_id: s.nodeId,
              project_id: s.projectId,
              cron: s.cron,
              interval_ms: s.intervalMs,
              timezone: s.timezone,
              last_tick_at: null,
            })
            .onConflict((oc) =>
              oc.columns(['workflow_id', 'node_id']).doUpdateSet((eb) => ({
                project_id: eb.ref('excluded.project_id'),
                cron: eb.ref('excluded.cron'),
                interval_ms: eb.ref('excluded.interval_ms'),
                timezone: eb.ref('excluded.timezone'),
              })),
            )
            .execute();
        }
      });
    },
    async removeForWorkflow(workflowId) {
      await db.deleteFrom('schedules').where('workflow_id', '=', workflowId).execute();
    },
    async all() {
      const rows = await db
        .selectFrom('schedules')
        .selectAll()
        .orderBy('workflow_id')
        .orderBy('node_id')
        .execute();
      return rows.map((r) => ({
        workflowId: r.workflow_id,
        nodeId: r.node_id,
        projectId: r.project_id,
        cron: r.cron,
        intervalMs: r.interval_ms === null ? null : Number(r.interval_ms),
        timezone: r.timezone,
        lastTickAt: r.last_tick_at,
      }));
    },
    async claimTick(workflowId, nodeId, tickAt) {
      // exactly once across processes: only the UPDATE that moves last_tick_at forward wins
      const result = await db
        .updateTable('schedules')
        .set({ last_tick_at: tickAt })
        .where('workflow_id', '=', workflowId)
        .where('node_id', '=', nodeId)
        .where((eb) => eb.or([eb('last_tick_at', 'is', null), eb('last_tick_at', '<', tickAt)]))
        .executeTakeFirst();
      return affected(result) === 1;
    },
  };
}
