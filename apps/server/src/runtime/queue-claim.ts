import type { Logger } from '@shopwire/sdk';
import type { Store } from '@shopwire/db';
import type { InstancePresence } from './types.js';

/** run: this instance owns the row now. skip: nothing to do. later: ask again in a moment. */
export type ClaimDecision = 'run' | 'skip' | 'later';

/**
 * How a queue-mode worker takes a job. A queued row is claimed as usual. A row already 'running'
 * means its job was re-delivered: after a crash (the queue's lock expired) it is taken over, but
 * only once the claimer's heartbeat has lapsed too; if that process is still alive (a slow run, a
 * spurious re-delivery) the job comes back later, so one execution never runs twice at once.
 */
export function createQueueClaim(deps: {
  store: Store;
  instanceId: string;
  presence: InstancePresence;
  logger: Logger;
}): (executionId: string) => Promise<ClaimDecision> {
  const { store, instanceId } = deps;
  return async (id) => {
    if (await store.executions.claim(id, instanceId, new Date().toISOString())) return 'run';
    const record = await store.executions.get(id);
    if (record?.status !== 'running' || record.claimedBy === null) return 'skip';
    if (record.claimedBy === instanceId) return 'skip'; // already running here
    const live = await deps.presence.live();
    if (live.includes(record.claimedBy)) return 'later';
    if (!(await store.executions.takeOver(id, record.claimedBy, instanceId))) return 'later';
    deps.logger.warn('resuming an execution whose worker stopped', {
      executionId: id,
      previousWorker: record.claimedBy,
    });
    return 'run';
  };
}
