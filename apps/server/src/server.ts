import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { ShopwireStore } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import type { AppEnv } from './app-env.js';
import { startAuditPruner } from './access/audit-pruner.js';
import { createApp } from './app.js';
import { createRedisLoginLimiter } from './auth/redis-login-limiter.js';
import type { Config } from './config.js';
import type { ServerLogger } from './logger.js';
import { createRuntimeServices } from './runtime-services.js';
import type { Runtime } from './runtime/types.js';

/** Builds every service from the config, starts the runtime and serves HTTP. */

export interface RunningServer {
  url: string;
  port: number;
  app: Hono<AppEnv>;
  store: ShopwireStore;
  registry: NodeRegistry;
  runtime: Runtime;
  /** stop accepting, drain the runtime (up to timeoutMs), close the sandbox and the store */
  close(timeoutMs?: number): Promise<void>;
}

export async function startServer(options: {
  config: Config;
  logger: ServerLogger;
  useSourceCondition?: boolean;
}): Promise<RunningServer> {
  const { config, logger } = options;
  const services = await createRuntimeServices({
    config,
    logger,
    role: 'main',
    ...(options.useSourceCondition !== undefined ? { useSourceCondition: options.useSourceCondition } : {}),
  });
  const { store, registry, runtime, http, sandbox } = services;
  const auditPruner = startAuditPruner({ store, logger, retentionDays: config.auditRetentionDays });
  const app = createApp({
    store,
    registry,
    runtime,
    config,
    logger,
    http,
    sandbox,
    ...(services.redis
      ? {
          loginLimiter: createRedisLoginLimiter({
            redis: services.redis.client,
            prefix: services.redis.prefix,
            logger,
            maxFailures: config.loginMaxFailures,
            lockoutMs: config.loginLockoutMinutes * 60_000,
          }),
        }
      : {}),
    readinessChecks: {
      sandbox: () => sandbox.stats().available,
      ...(services.queueReady ? { redis: services.queueReady } : {}),
    },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    port,
    app,
    store,
    registry,
    runtime,
    close(timeoutMs = 10_000) {
      closing ??= (async () => {
        // sandbox children are unref'd: hold the event loop open until everything is closed
        const hold = setInterval(() => undefined, 1000);
        auditPruner.stop();
        try {
          const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
          // SSE streams and keep-alive sockets would hold close() open
          const httpServer = server as {
            closeIdleConnections?: () => void;
            closeAllConnections?: () => void;
          };
          httpServer.closeIdleConnections?.();
          // drain first: webhooks waiting for a result still get their answer
          await runtime
            .stop(timeoutMs)
            .catch((error: unknown) => logger.error('runtime stop failed', { error }));
          httpServer.closeAllConnections?.();
          await stopped;
          await services.close(timeoutMs);
        } finally {
          clearInterval(hold);
        }
      })();
      return closing;
    },
  };
}
