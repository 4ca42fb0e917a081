import { deterministicId, type ScheduleRecord, type Store } from '@shopwire/db';
import type { ActiveWorkflows } from './active-workflows.js';

/**
 * Creates a schedule tick's execution exactly once whatever the number of processes: its id
 * derives from the tick, so the processes that compute the same tick collide on the primary key
 * and one of them wins. (The row is the claim: no window where a tick is claimed but its
 * execution not yet created.) Resolves false when another process created it, or the workflow is
 * not served here.
 */
export function createScheduleStarter(deps: {
  store: Store;
  active: () => ActiveWorkflows;
  enqueue(id: string, projectId: string): Promise<void>;
}): (row: ScheduleRecord, tickAt: Date) => Promise<boolean> {
  return async (row, tickAt) => {
    const served = deps.active().get(row.workflowId);
    if (!served) return false;
    const tick = tickAt.toISOString();
    const id = deterministicId('ex', tickAt.getTime(), `schedule\n${row.workflowId}\n${row.nodeId}\n${tick}`);
    const record = await deps.store.executions.createOnce(
      {
        workflowId: row.workflowId,
        workflowVersion: served.version,
        projectId: served.projectId,
        mode: 'schedule',
        startNodeId: row.nodeId,
        startItems: [{ json: { timestamp: tick, timezone: row.timezone } }],
        document: served.document,
        savedVersion: served.active,
      },
      id,
    );
    if (!record) return false;
    await deps.enqueue(record.id, record.projectId);
    return true;
  };
}
