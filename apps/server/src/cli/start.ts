import type { Config } from '../config.js';
import type { ServerLogger } from '../logger.js';
import { startServer } from '../server.js';

/** `shopwire start`: serve until SIGTERM/SIGINT, then shut down gracefully and exit 0. */
export async function runStart(config: Config, logger: ServerLogger): Promise<void> {
  const server = await startServer({ config, logger });
  const needsSetup = (await server.store.users.count()) === 0;
  const localUrl = `http://localhost:${server.port}`;
  logger.info('listening', {
    url: server.url,
    publicUrl: config.publicUrl,
    needsSetup,
    coldStartMs: Math.round(performance.now()),
    ...(needsSetup ? { hint: `open ${localUrl} to create the owner account` } : {}),
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    server
      .close(10_000)
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
