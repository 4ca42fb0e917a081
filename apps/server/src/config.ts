import fs from 'node:fs';
import path from 'node:path';
import { MiB, vars, type ConfigVar } from './config-vars.js';

/**
 * Configuration is read from the environment ONCE at startup and passed down as a typed object.
 * Nothing else in the server reads process.env.
 */

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string;
  encryptionKey: string | undefined;
  concurrency: number;
  /** undefined: the process's concurrency (a worker's --concurrency included) */
  projectConcurrency: number | undefined;
  sandboxProcesses: number;
  sandboxIdleMs: number;
  sandboxMemoryMb: number;
  codeTimeoutMs: number;
  maxBodyBytes: number;
  maxExecutionDataBytes: number;
  webhookTimeoutMs: number;
  pruneEnabled: boolean;
  pruneMaxAgeDays: number;
  pruneMaxCount: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  nodePackagesDir: string;
  secureCookies: 'auto' | 'true' | 'false';
  allowPrivateNetworks: boolean;
  httpAllowedHosts: string[];
  webhookRateLimit: number;
  webhookRateBurst: number;
  trustProxy: boolean;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  auditRetentionDays: number;
  /** PostgreSQL URL; undefined = SQLite in dataDir */
  dbUrl: string | undefined;
  dbSchema: string;
  queue: 'memory' | 'redis';
  redisUrl: string;
  redisPrefix: string;
  queueLockMs: number;
  networkRetryBaseMs: number;
  networkRetryMaxMs: number;
  networkRetryHours: number;
}

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

function read<T>(env: Record<string, string | undefined>, spec: ConfigVar<T>): T | undefined {
  const raw = env[spec.name];
  const value = raw === undefined || raw.trim() === '' ? spec.default : raw;
  if (value === undefined) return undefined;
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(spec.name, `${issue?.message ?? 'invalid value'} (got ${JSON.stringify(value)})`);
  }
  return parsed.data;
}

/** Parses the environment. Throws ConfigError naming the variable. `createDataDir` makes the data folder. */
export function loadConfig(options: {
  env: Record<string, string | undefined>;
  cwd?: string;
  createDataDir?: boolean;
}): Config {
  const { env } = options;
  const cwd = options.cwd ?? process.cwd();
  const port = read(env, vars.port) ?? 5800;
  const dataDir = path.resolve(cwd, read(env, vars.dataDir) ?? './data');
  if (options.createDataDir !== false) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new ConfigError(vars.dataDir.name, `cannot create ${dataDir}: ${(error as Error).message}`);
    }
  }
  const nodesDir = read(env, vars.nodePackagesDir);
  const dbUrl = read(env, vars.dbUrl);
  const queue = read(env, vars.queue) ?? 'memory';
  if (queue === 'redis' && dbUrl === undefined) {
    throw new ConfigError(
      vars.queue.name,
      'queue mode (redis) needs a database every process can reach: set SHOPWIRE_DB_URL to PostgreSQL',
    );
  }
  if (queue === 'redis' && read(env, vars.encryptionKey) === undefined) {
    throw new ConfigError(
      vars.encryptionKey.name,
      'queue mode needs the same credential key on every process: set SHOPWIRE_ENCRYPTION_KEY',
    );
  }
  const webhookRateLimit = read(env, vars.webhookRateLimit) ?? 200;
  return {
    port,
    host: read(env, vars.host) ?? '127.0.0.1',
    dataDir,
    publicUrl: read(env, vars.publicUrl) ?? `http://localhost:${port}`,
    encryptionKey: read(env, vars.encryptionKey),
    concurrency: read(env, vars.concurrency) ?? 64,
    projectConcurrency: read(env, vars.projectConcurrency),
    sandboxProcesses: read(env, vars.sandboxProcesses) ?? 1,
    sandboxIdleMs: read(env, vars.sandboxIdleMs) ?? 300_000,
    sandboxMemoryMb: read(env, vars.sandboxMemoryMb) ?? 128,
    codeTimeoutMs: read(env, vars.codeTimeoutMs) ?? 10_000,
    maxBodyBytes: read(env, vars.maxBodyBytes) ?? 16 * MiB,
    maxExecutionDataBytes: read(env, vars.maxExecutionDataBytes) ?? 16 * MiB,
    webhookTimeoutMs: read(env, vars.webhookTimeoutMs) ?? 30_000,
    pruneEnabled: read(env, vars.pruneEnabled) ?? true,
    pruneMaxAgeDays: read(env, vars.pruneMaxAgeDays) ?? 14,
    pruneMaxCount: read(env, vars.pruneMaxCount) ?? 10_000,
    logLevel: read(env, vars.logLevel) ?? 'info',
    nodePackagesDir: nodesDir ? path.resolve(cwd, nodesDir) : path.join(dataDir, 'nodes', 'node_modules'),
    secureCookies: read(env, vars.secureCookies) ?? 'auto',
    allowPrivateNetworks: read(env, vars.allowPrivateNetworks) ?? false,
    httpAllowedHosts: read(env, vars.httpAllowedHosts) ?? [],
    webhookRateLimit,
    webhookRateBurst: read(env, vars.webhookRateBurst) ?? Math.max(1, webhookRateLimit * 2),
    trustProxy: read(env, vars.trustProxy) ?? false,
    loginMaxFailures: read(env, vars.loginMaxFailures) ?? 5,
    loginLockoutMinutes: read(env, vars.loginLockoutMinutes) ?? 15,
    auditRetentionDays: read(env, vars.auditRetentionDays) ?? 365,
    dbUrl,
    dbSchema: read(env, vars.dbSchema) ?? 'public',
    queue,
    redisUrl: read(env, vars.redisUrl) ?? 'redis://127.0.0.1:6379',
    redisPrefix: read(env, vars.redisPrefix) ?? 'shopwire',
    queueLockMs: read(env, vars.queueLockMs) ?? 30_000,
    networkRetryBaseMs: read(env, vars.networkRetryBaseMs) ?? 5000,
    networkRetryMaxMs: read(env, vars.networkRetryMaxMs) ?? 300_000,
    networkRetryHours: read(env, vars.networkRetryHours) ?? 24,
  };
}

/** The table of variables for the README. */
export const configDocs: { name: string; default: string; description: string }[] = Object.values(vars).map(
  (spec) => ({
    name: spec.name,
    default:
      spec.default ??
      (spec.name === 'SHOPWIRE_PUBLIC_URL'
        ? 'http://localhost:PORT'
        : spec.name === 'SHOPWIRE_NODE_PACKAGES_DIR'
          ? '<dataDir>/nodes/node_modules'
          : spec.name === 'SHOPWIRE_WEBHOOK_RATE_BURST'
            ? '2 × SHOPWIRE_WEBHOOK_RATE_LIMIT'
            : spec.name === 'SHOPWIRE_HTTP_ALLOWED_HOSTS'
              ? '(none)'
              : '(unset)'),
    description: spec.description,
  }),
);
