import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '@shopwire/sdk';

/** while Redis stays down, ioredis reports every reconnect attempt: log the first, then this often */
const REPEAT_ERROR_LOG_MS = 30_000;

/** redis://user:secret@host → redis://user:***@host (URLs end up in logs and error messages) */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid redis url>';
  }
}

/**
 * Returns an 'error' listener that logs a connection problem once, then at most every 30 s,
 * and a 'ready' listener that says when the connection is back. Without an 'error' listener
 * ioredis and BullMQ print or throw on every failed reconnect.
 */
export function connectionErrorLogger(
  logger: Logger,
  what: string,
): { onError: (error: unknown) => void; onReady: () => void } {
  let lastLoggedAt = 0;
  let failing = false;
  return {
    onError(error) {
      const now = Date.now();
      failing = true;
      if (now - lastLoggedAt < REPEAT_ERROR_LOG_MS) return;
      lastLoggedAt = now;
      logger.warn(`${what}: Redis connection problem`, {
        error: error instanceof Error ? error.message : String(error),
      });
    },
    onReady() {
      if (!failing) return;
      failing = false;
      lastLoggedAt = 0;
      logger.info(`${what}: Redis connection restored`);
    },
  };
}

/** an ioredis client whose connection errors are logged (throttled) rather than printed */
export function openRedis(
  url: string,
  options: { logger: Logger; what: string; redis?: RedisOptions },
): Redis {
  const client = new Redis(url, { connectionName: options.what, ...options.redis });
  const log = connectionErrorLogger(options.logger, options.what);
  client.on('error', log.onError);
  client.on('ready', log.onReady);
  return client;
}

/** QUIT politely, but never wait more than timeoutMs (QUIT hangs while Redis is unreachable) */
export async function closeRedis(client: Redis, timeoutMs = 2000): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const quit = client.quit().then(
    () => 'quit' as const,
    () => 'failed' as const,
  );
  const result = await Promise.race([quit, timedOut]);
  clearTimeout(timer);
  if (result !== 'quit') client.disconnect();
}

/** rejects with `message` after timeoutMs unless the promise settled first; the timer is cleared */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
