import cron from 'node-cron';
import type { Logger } from '@shopwire/sdk';
import type { ScheduleRecord, Store } from '@shopwire/db';
import { cronHasSeconds, floorTick, previousCronTick } from './cron-match.js';

export interface SchedulerDeps {
  store: Store;
  logger: Logger;
  /** settings.missedSchedules of the schedule's workflow (undefined: not active here) */
  missedPolicy(workflowId: string): 'skip' | 'runOnce' | undefined;
  /** creates the tick's execution exactly once across processes; false when another one did */
  startTick(schedule: ScheduleRecord, tickAt: Date): Promise<boolean>;
}

export interface Scheduler {
  /** adds and removes jobs to match the rows; `initial` also applies the missed-tick policy */
  sync(rows: ScheduleRecord[], options: { initial: boolean }): Promise<void>;
  stop(): void;
}

interface Job {
  key: string;
  stop(): void;
}

/**
 * Cron jobs (node-cron) and epoch-aligned intervals. Every process computes the same tick instant,
 * and the tick's execution id is derived from it, so exactly one of them creates the execution.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const jobs = new Map<string, Job>();
  let stopped = false;

  async function tick(row: ScheduleRecord, tickAt: Date): Promise<void> {
    if (stopped) return;
    try {
      await deps.startTick(row, tickAt);
      // bookkeeping for the missed-tick policy (moves forward only; a crash before it is harmless:
      // a catch-up of this same tick collides with the execution created above)
      await deps.store.schedules.claimTick(row.workflowId, row.nodeId, tickAt.toISOString());
    } catch (error) {
      deps.logger.error('schedule tick failed', {
        workflowId: row.workflowId,
        nodeId: row.nodeId,
        error: (error as Error).message,
      });
    }
  }

  function startJob(row: ScheduleRecord): Job {
    const key = jobKey(row);
    if (row.cron) {
      const withSeconds = cronHasSeconds(row.cron);
      const task = cron.schedule(row.cron, (ctx) => tick(row, floorTick(ctx.date, withSeconds)), {
        timezone: row.timezone,
        unref: true,
        suppressMissedWarning: true,
      });
      return { key, stop: () => void task.destroy() };
    }
    const interval = Math.max(1000, row.intervalMs ?? 60_000);
    let timer: NodeJS.Timeout | undefined;
    const schedule = (): void => {
      const next = Math.floor(Date.now() / interval) * interval + interval;
      timer = setTimeout(() => {
        schedule();
        void tick(row, new Date(next));
      }, next - Date.now());
      timer.unref();
    };
    schedule();
    return { key, stop: () => clearTimeout(timer) };
  }

  /** the latest tick at or before now, for the missed-tick policy */
  function latestTick(row: ScheduleRecord, now: Date): Date | undefined {
    if (row.cron) return previousCronTick({ cron: row.cron, timezone: row.timezone, before: now });
    if (!row.intervalMs) return undefined;
    return new Date(Math.floor(now.getTime() / row.intervalMs) * row.intervalMs);
  }

  async function runMissed(row: ScheduleRecord): Promise<void> {
    if (!row.lastTickAt || deps.missedPolicy(row.workflowId) !== 'runOnce') return;
    const due = latestTick(row, new Date());
    if (due && due.getTime() > Date.parse(row.lastTickAt)) await tick(row, due);
  }

  return {
    async sync(rows, options) {
      if (stopped) return;
      const wanted = new Map(rows.map((r) => [`${r.workflowId}:${r.nodeId}`, r]));
      for (const [id, job] of jobs) {
        const row = wanted.get(id);
        if (!row || jobKey(row) !== job.key) {
          job.stop();
          jobs.delete(id);
        }
      }
      for (const [id, row] of wanted) {
        if (jobs.has(id) || deps.missedPolicy(row.workflowId) === undefined) continue;
        try {
          jobs.set(id, startJob(row));
          if (options.initial) await runMissed(row);
        } catch (error) {
          deps.logger.error('could not schedule', {
            workflowId: row.workflowId,
            nodeId: row.nodeId,
            error: (error as Error).message,
          });
        }
      }
    },
    stop() {
      stopped = true;
      for (const job of jobs.values()) job.stop();
      jobs.clear();
    },
  };
}

function jobKey(row: ScheduleRecord): string {
  return `${row.cron ?? ''}|${row.intervalMs ?? ''}|${row.timezone}`;
}
