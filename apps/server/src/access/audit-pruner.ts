import type { Store } from '@shopwire/db';
import type { Logger } from '@shopwire/sdk';

/**
 * Retention for the audit log (its only deletion path): entries older than `retentionDays` are
 * deleted in batches, once shortly after start and then every `intervalMs`.
 */
export function startAuditPruner(options: {
  store: Store;
  logger: Logger;
  retentionDays: number;
  intervalMs?: number;
  now?: () => number;
}): { pruneNow(): Promise<number>; stop(): void } {
  const now = options.now ?? Date.now;
  let running: Promise<number> | undefined;
  const pruneNow = () => {
    running ??= (async () => {
      try {
        const before = new Date(now() - options.retentionDays * 86_400_000).toISOString();
        const deleted = await options.store.audit.prune(before);
        if (deleted > 0) options.logger.info('audit log pruned', { deleted, before });
        return deleted;
      } catch (error) {
        options.logger.warn('audit log pruning failed', { error });
        return 0;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const first = setTimeout(() => void pruneNow(), 5_000);
  const timer = setInterval(() => void pruneNow(), options.intervalMs ?? 3_600_000);
  first.unref();
  timer.unref();
  return {
    pruneNow,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
