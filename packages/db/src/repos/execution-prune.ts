import { FINISHED_EXECUTION_STATUSES, ValidationError } from '@shopwire/sdk';
import type { PruneOptions } from '../store-types.js';
import type { RepoContext } from './context.js';

const FINISHED = [...FINISHED_EXECUTION_STATUSES];

/**
 * Deletes finished executions older than `maxAgeMs` and beyond `maxCount` per workflow. Each batch
 * of `batchSize` ids is deleted (with its steps and start data) in its own short transaction, so
 * the database is never locked for long. Returns how many executions were deleted.
 */
export async function pruneExecutions(ctx: RepoContext, options: PruneOptions, now: string): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new ValidationError('batchSize', 'must be a positive integer');
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new ValidationError('now', 'must be an ISO timestamp');
  let deleted = 0;

  if (Number.isFinite(options.maxAgeMs) && options.maxAgeMs >= 0) {
    const cutoff = new Date(nowMs - options.maxAgeMs).toISOString();
    for (;;) {
      const rows = await ctx.db
        .selectFrom('executions')
        .select('id')
        .where('status', 'in', FINISHED)
        .where('created_at', '<', cutoff)
        .orderBy('created_at')
        .limit(batchSize)
        .execute();
      deleted += await deleteBatch(
        ctx,
        rows.map((r) => r.id),
      );
      if (rows.length < batchSize) break;
    }
  }

  if (Number.isFinite(options.maxCount) && options.maxCount >= 0) {
    const crowded = await ctx.db
      .selectFrom('executions')
      .select('workflow_id')
      .where('status', 'in', FINISHED)
      .groupBy('workflow_id')
      .having((eb) => eb.fn.countAll(), '>', options.maxCount)
      .execute();
    for (const { workflow_id } of crowded) {
      for (;;) {
        // the newest maxCount survive; everything after them goes, one batch at a time
        const rows = await ctx.db
          .selectFrom('executions')
          .select('id')
          .where('workflow_id', '=', workflow_id)
          .where('status', 'in', FINISHED)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(batchSize)
          .offset(options.maxCount)
          .execute();
        deleted += await deleteBatch(
          ctx,
          rows.map((r) => r.id),
        );
        if (rows.length < batchSize) break;
      }
    }
  }
  return deleted;
}

async function deleteBatch(ctx: RepoContext, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('execution_steps').where('execution_id', 'in', ids).execute();
    await trx.deleteFrom('execution_start').where('execution_id', 'in', ids).execute();
    const result = await trx.deleteFrom('executions').where('id', 'in', ids).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}
