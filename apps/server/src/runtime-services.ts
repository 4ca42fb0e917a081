import crypto from 'node:crypto';
import os from 'node:os';
import { createSandboxPool, type SandboxPool } from '@shopwire/sandbox';
import type { ShopwireStore } from '@shopwire/db';
import type { NodeRegistry } from '@shopwire/registry';
import type { HttpClient } from '@shopwire/sdk';
import type { Redis } from 'ioredis';
import { loadRegistry, openDataStore } from './cli/services.js';
import type { Config } from './config.js';
import type { ServerLogger } from './logger.js';
import { createOutboundHttp } from './outbound-http.js';
import { createRuntime } from './runtime/index.js';
import type { Runtime, RuntimeRole } from './runtime/types.js';

/** Everything that runs executions: shared by `shopwire start` (server.ts) and `shopwire worker`. */
export interface RuntimeServices {
  store: ShopwireStore;
  registry: NodeRegistry;
  sandbox: SandboxPool;
  http: HttpClient;
  runtime: Runtime;
  instanceId: string;
  /** queue mode: Redis is reachable (for readiness checks) */
  queueReady?: () => boolean;
  /** queue mode: a Redis connection and key prefix for state shared by `start` processes */
  redis?: { client: Redis; prefix: string };
  /** stop the runtime (drain up to timeoutMs), then close queue, store and sandbox */
  close(timeoutMs: number): Promise<void>;
}

export async function createRuntimeServices(options: {
  config: Config;
  logger: ServerLogger;
  /** 'main' for `start` in queue mode, 'worker' for `shopwire worker`; ignored without a queue */
  role: Exclude<RuntimeRole, 'all'>;
  useSourceCondition?: boolean;
  /** worker --concurrency */
  concurrency?: number;
}): Promise<RuntimeServices> {
  const { config, logger } = options;
  const instanceId = `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  // With SHOPWIRE_SANDBOX_IDLE_MS=0 the children boot now, while this process opens the store and
  // loads nodes; by default they start with the first code or expression (an idle server holds
  // only its own memory) and stop again after a quiet spell.
  const sandbox = createSandboxPool({
    size: config.sandboxProcesses,
    idleMs: config.sandboxIdleMs,
    memoryMb: config.sandboxMemoryMb,
    codeTimeoutMs: config.codeTimeoutMs,
    logger: logger.child({ component: 'sandbox' }),
  });
  let store: Awaited<ReturnType<typeof openDataStore>>;
  let registry: Awaited<ReturnType<typeof loadRegistry>>;
  try {
    [store, registry] = await Promise.all([
      openDataStore(config, logger, { backgroundCheckpoints: true }),
      loadRegistry(config, logger, { useSourceCondition: options.useSourceCondition }),
    ]);
  } catch (error) {
    await sandbox.close().catch(() => undefined);
    throw error;
  }
  const http = createOutboundHttp(config);
  // loaded only in queue mode: BullMQ and ioredis would add to every single-process cold start
  const transport =
    config.queue === 'redis'
      ? (await import('./runtime/redis/index.js')).createRedisTransport({
          redisUrl: config.redisUrl,
          prefix: config.redisPrefix,
          instanceId,
          lockDurationMs: config.queueLockMs,
          // a dead worker's rows are taken over once its lock AND its heartbeat have lapsed
          presenceTtlMs: Math.min(15_000, config.queueLockMs),
          receiveEvents: options.role !== 'worker',
          logger: logger.child({ component: 'queue' }),
        })
      : undefined;
  try {
    await transport?.ready();
  } catch (error) {
    await Promise.allSettled([transport?.close(), store.close(), sandbox.close()]);
    throw error;
  }
  const runtime = createRuntime({
    store,
    registry,
    sandbox,
    http,
    logger: logger.child({ component: 'runtime' }),
    publicUrl: config.publicUrl,
    concurrency: options.concurrency ?? config.concurrency,
    ...(config.projectConcurrency !== undefined ? { projectConcurrency: config.projectConcurrency } : {}),
    instanceId,
    maxExecutionDataBytes: config.maxExecutionDataBytes,
    networkRetry: {
      baseMs: config.networkRetryBaseMs,
      maxMs: config.networkRetryMaxMs,
      totalMs: config.networkRetryHours * 3_600_000,
    },
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
    ...(transport
      ? {
          role: options.role,
          queue: transport.queue,
          events: transport.events,
          control: transport.control,
          presence: transport.presence,
        }
      : {}),
  });
  await transport?.presence.start();
  await runtime.start();
  let closing: Promise<void> | undefined;
  return {
    store,
    registry,
    sandbox,
    http,
    runtime,
    instanceId,
    ...(transport
      ? {
          queueReady: () => transport.connected(),
          redis: { client: transport.commands, prefix: config.redisPrefix },
        }
      : {}),
    close(timeoutMs) {
      closing ??= (async () => {
        await runtime
          .stop(timeoutMs)
          .catch((error: unknown) => logger.error('runtime stop failed', { error }));
        await transport?.close().catch((error: unknown) => logger.error('queue close failed', { error }));
        // the store first: it flushes pending journal writes
        await store.close().catch((error: unknown) => logger.error('store close failed', { error }));
        await sandbox.close().catch((error: unknown) => logger.error('sandbox close failed', { error }));
      })();
      return closing;
    },
  };
}
