import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import type { ServerLogger } from '../logger.js';
import { createRuntimeServices } from '../runtime-services.js';
import { CliError, parseArgs, stringFlag } from './args.js';

/** How long SIGTERM waits for running executions before handing the rest back to the queue. */
const GRACE_MS = 10_000;
/** after the grace period: closing the queue, Redis, the store and the sandbox (each bounded itself) */
const CLOSE_MARGIN_MS = 15_000;

/**
 * `shopwire worker [--concurrency N] [--health-port P]`: runs executions from the Redis queue until
 * SIGTERM/SIGINT; then it stops taking jobs, lets running ones finish for up to 10 s and hands the
 * rest back (another worker resumes them from their last recorded step).
 */
export async function runWorker(argv: string[], config: Config, logger: ServerLogger): Promise<void> {
  const args = parseArgs(argv);
  if (config.queue !== 'redis') {
    throw new CliError(
      'the worker runs executions from the Redis queue: set SHOPWIRE_QUEUE=redis and SHOPWIRE_DB_URL (PostgreSQL) on every process',
      2,
    );
  }
  const concurrency = wholeNumber(
    stringFlag(args, 'concurrency'),
    '--concurrency',
    config.concurrency,
    1,
    1024,
  );
  const healthPort = stringFlag(args, 'health-port');
  const services = await createRuntimeServices({ config, logger, role: 'worker', concurrency });
  const health =
    healthPort === undefined
      ? undefined
      : await serveHealth(
          wholeNumber(healthPort, '--health-port', 0, 0, 65535),
          config.host,
          services.instanceId,
        );
  logger.info('worker ready', {
    instanceId: services.instanceId,
    concurrency,
    ...(health ? { healthPort: (health.address() as AddressInfo).port } : {}),
    coldStartMs: Math.round(performance.now()),
  });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info('worker shutting down', { signal, graceMs: GRACE_MS });
    health?.close();
    // A ref'd timer keeps the process alive until close() settles: the sandbox's children are
    // unref'd, so while close() only waits for their exit Node would otherwise leave early
    // (exit 0, shutdown cut short). It also bounds a close that hangs.
    const deadline = setTimeout(() => {
      logger.error('worker shutdown timed out', { afterMs: GRACE_MS + CLOSE_MARGIN_MS });
      process.exit(1);
    }, GRACE_MS + CLOSE_MARGIN_MS);
    services
      .close(GRACE_MS)
      .then(() => {
        clearTimeout(deadline);
        logger.info('worker stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        clearTimeout(deadline);
        logger.error('worker shutdown failed', { error });
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** GET /healthz for orchestrators (Docker, Kubernetes): 200 while the worker is up. */
function serveHealth(port: number, host: string, instanceId: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const ok = req.method === 'GET' && req.url === '/healthz';
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { status: 'ok', role: 'worker', instanceId } : { error: 'not found' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function wholeNumber(
  raw: string | undefined,
  flag: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new CliError(`${flag} must be a whole number from ${min} to ${max}`, 2);
  }
  return value;
}
