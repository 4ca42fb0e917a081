import type { Logger } from '@shopwire/sdk';
import type { Store } from '@shopwire/db';

/**
 * On start: executions left 'running' by a previous process go back to 'queued' (the engine
 * replays their recorded steps), and every queued execution is enqueued again.
 */
export async function recoverExecutions(deps: {
  store: Store;
  logger: Logger;
  /** claimers that are alive (none in single-process mode: every 'running' row is orphaned) */
  liveClaimers: string[];
  enqueue(id: string): Promise<void>;
}): Promise<{ orphaned: number; queued: number }> {
  const orphans = await deps.store.executions.listOrphaned(deps.liveClaimers);
  for (const record of orphans) {
    await deps.store.executions.update(record.id, { status: 'queued', claimedBy: null });
  }
  if (orphans.length > 0)
    deps.logger.warn('resuming executions interrupted by a previous process', { count: orphans.length });
  // ids only (small rows); the queue holds them in memory until a worker is free
  const queued = await deps.store.executions.listQueued(100_000);
  for (const record of queued) await deps.enqueue(record.id);
  return { orphaned: orphans.length, queued: queued.length };
}
