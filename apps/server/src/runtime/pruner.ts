import type { Logger } from '@shopwire/sdk';
import type { Store } from '@shopwire/db';

/** Periodically deletes old finished executions (in small batches, inside the store). */
export function createPruner(deps: {
  store: Store;
  logger: Logger;
  pruning: { enabled: boolean; maxAgeMs: number; maxCount: number; intervalMs: number };
}): { start(): void; stop(): void; runOnce(): Promise<number> } {
  let timer: NodeJS.Timeout | undefined;
  let busy = false;

  async function runOnce(): Promise<number> {
    if (busy) return 0;
    busy = true;
    try {
      const deleted = await deps.store.executions.prune(
        { maxAgeMs: deps.pruning.maxAgeMs, maxCount: deps.pruning.maxCount },
        new Date().toISOString(),
      );
      if (deleted > 0) deps.logger.info('pruned executions', { deleted });
      return deleted;
    } catch (error) {
      deps.logger.error('pruning executions failed', { error: (error as Error).message });
      return 0;
    } finally {
      busy = false;
    }
  }

  return {
    start() {
      if (!deps.pruning.enabled || timer) return;
      timer = setInterval(() => void runOnce(), Math.max(1000, deps.pruning.intervalMs));
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    runOnce,
  };
}
