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
  enqueue(id: string, projectId: string): Promise<void>;
}): Promise<{ orphaned: number; queued: number }> {
  const orphans = await deps.store.executions.listOrphaned(deps.liveClaimers);
  for (const record of orphans) {
    await deps.store.executions.update(record.id, { status: 'queued', claimedBy: null });
  }
  if (orphans.length > 0)
    deps.logger.warn('resuming executions interrupted by a previous process', { count: orphans.length });
  // ids only (small rows); the queue holds them in memory until a worker is free
  const queued = await deps.store.executions.listQueued(100_000);
  for (const record of queued) await deps.enqueue(record.id, record.projectId);
  return { orphaned: orphans.length, queued: queued.length };
}

/**
 * Queue mode, on start and then periodically on `start` processes: queued rows whose job may be
 * missing (Redis restarted, enqueue failed) and rows left 'running' by a dead worker are offered
 * to the queue again. Only ids are enqueued (a job id already in the queue is not added twice);
 * the worker that takes the job decides, from the row, whether to claim or take it over.
 */
export async function reofferExecutions(deps: {
  store: Store;
  logger: Logger;
  liveInstances(): Promise<string[]>;
  enqueue(id: string, projectId: string): Promise<void>;
  limit: number;
}): Promise<{ orphaned: number; queued: number }> {
  const live = await deps.liveInstances();
  const orphans = await deps.store.executions.listOrphaned(live);
  const queued = await deps.store.executions.listQueued(deps.limit);
  for (const record of [...orphans.slice(0, deps.limit), ...queued])
    await deps.enqueue(record.id, record.projectId);
  if (orphans.length > 0)
    deps.logger.warn('offering executions of stopped workers to the queue again', { count: orphans.length });
  return { orphaned: orphans.length, queued: queued.length };
}
