import crypto from 'node:crypto';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createSandboxPool } from '@shopwire/sandbox';
import type { ShopwireStore } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import type { AppEnv } from './app-env.js';
import { startAuditPruner } from './access/audit-pruner.js';
import { createApp } from './app.js';
import { loadRegistry, openDataStore } from './cli/services.js';
import type { Config } from './config.js';
import type { ServerLogger } from './logger.js';
import { createOutboundHttp } from './outbound-http.js';
import { createRuntime } from './runtime/index.js';
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
  const [store, registry] = await Promise.all([
    openDataStore(config, logger),
    loadRegistry(config, logger, { useSourceCondition: options.useSourceCondition }),
  ]);
  const sandbox = createSandboxPool({
    size: config.sandboxProcesses,
    memoryMb: config.sandboxMemoryMb,
    codeTimeoutMs: config.codeTimeoutMs,
    logger: logger.child({ component: 'sandbox' }),
  });
  const http = createOutboundHttp(config);
  const runtime = createRuntime({
    store,
    registry,
    sandbox,
    http,
    logger: logger.child({ component: 'runtime' }),
    publicUrl: config.publicUrl,
    concurrency: config.concurrency,
    projectConcurrency: config.projectConcurrency,
    instanceId: `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
    maxExecutionDataBytes: config.maxExecutionDataBytes,
    webhookResponseTimeoutMs: config.webhookTimeoutMs,
    testWebhookTimeoutMs: 120_000,
    // audit: every time an execution or trigger decrypts a credential (fire and forget)
    onCredentialUse: (use) =>
      void store.audit
        .append({
          action: 'credential.use',
          actorId: null,
          actorLabel: 'system',
          targetType: 'credential',
          targetId: use.credentialId,
          projectId: use.projectId,
          details: { name: use.name, type: use.type },
        })
        .catch((error: unknown) =>
          logger.warn('audit log write failed', { action: 'credential.use', error }),
        ),
    webhookRateLimit: { ratePerSecond: config.webhookRateLimit, burst: config.webhookRateBurst },
    pruning: {
      enabled: config.pruneEnabled,
      maxAgeMs: config.pruneMaxAgeDays * 86_400_000,
      maxCount: config.pruneMaxCount,
      intervalMs: 3_600_000,
    },
  });
  await runtime.start();
  const auditPruner = startAuditPruner({ store, logger, retentionDays: config.auditRetentionDays });
  const app = createApp({
    store,
    registry,
    runtime,
    config,
    logger,
    http,
    sandbox,
    readinessChecks: { sandbox: () => sandbox.stats().children > 0 },
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
          await runtime
            .stop(timeoutMs)
            .catch((error: unknown) => logger.error('runtime stop failed', { error }));
          httpServer.closeAllConnections?.();
          await stopped;
          // the store first: it flushes pending journal writes
          await store.close().catch((error: unknown) => logger.error('store close failed', { error }));
          await sandbox.close().catch((error: unknown) => logger.error('sandbox close failed', { error }));
        } finally {
          clearInterval(hold);
        }
      })();
      return closing;
    },
  };
}
