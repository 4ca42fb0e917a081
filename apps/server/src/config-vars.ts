import { z } from '@shopwire/sdk';

/** The environment variables Shopwire reads: name, default, description (the README table) and parser. */

export const MiB = 1024 * 1024;

const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export interface ConfigVar<T> {
  name: string;
  default: string | undefined;
  description: string;
  schema: z.ZodType<T, string>;
}

function v<T>(
  name: string,
  def: string | undefined,
  description: string,
  schema: z.ZodType<T, string>,
): ConfigVar<T> {
  return { name, default: def, description, schema };
}

export const vars = {
  port: v('PORT', '5800', 'HTTP port', int(0, 65535)),
  host: v(
    'HOST',
    '127.0.0.1',
    'Interface to listen on. Local default is loopback only; the Docker image sets HOST=0.0.0.0',
    z.string().trim().min(1),
  ),
  dataDir: v(
    'SHOPWIRE_DATA_DIR',
    './data',
    'Data folder (SQLite database, encryption key file, third-party nodes); created if missing',
    z.string().trim().min(1),
  ),
  publicUrl: v(
    'SHOPWIRE_PUBLIC_URL',
    undefined,
    'Public base URL used in webhook and resume URLs (default http://localhost:PORT)',
    z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')),
  ),
  encryptionKey: v(
    'SHOPWIRE_ENCRYPTION_KEY',
    undefined,
    'Key that encrypts stored credentials; when unset a key file is created in the data folder',
    z.string().min(16, 'must be at least 16 characters'),
  ),
  concurrency: v('SHOPWIRE_CONCURRENCY', '64', 'Executions running at once in this process', int(1, 1024)),
  projectConcurrency: v(
    'SHOPWIRE_PROJECT_CONCURRENCY',
    undefined,
    'Executions of one project running at once in this process (default: all its slots: SHOPWIRE_CONCURRENCY, or a worker --concurrency), so one busy shop cannot take every slot',
    int(1, 1024),
  ),
  sandboxProcesses: v(
    'SHOPWIRE_SANDBOX_PROCESSES',
    '1',
    'Child processes running user code and expressions',
    int(1, 64),
  ),
  sandboxIdleMs: v(
    'SHOPWIRE_SANDBOX_IDLE_MS',
    '300000',
    'The sandbox processes start with the first code or expression to run and stop after this long without one (ms); 0 starts them with the server and keeps them running',
    int(0, 86_400_000),
  ),
  sandboxMemoryMb: v(
    'SHOPWIRE_SANDBOX_MEMORY_MB',
    '128',
    'Memory limit of one code/expression isolate (MB)',
    int(8, 8192),
  ),
  codeTimeoutMs: v(
    'SHOPWIRE_CODE_TIMEOUT_MS',
    '10000',
    'Time limit of one Code node run (ms)',
    int(10, 3_600_000),
  ),
  maxBodyBytes: v(
    'SHOPWIRE_MAX_BODY_BYTES',
    String(16 * MiB),
    'Largest webhook request body accepted (bytes)',
    int(1024, 1024 * MiB),
  ),
  maxExecutionDataBytes: v(
    'SHOPWIRE_MAX_EXECUTION_DATA_BYTES',
    String(16 * MiB),
    'Item data one execution may store; beyond it step data is truncated (bytes)',
    int(1024, 4096 * MiB),
  ),
  webhookTimeoutMs: v(
    'SHOPWIRE_WEBHOOK_TIMEOUT_MS',
    '30000',
    'How long a webhook waiting for the workflow result holds the request before answering 202 (ms)',
    int(100, 3_600_000),
  ),
  pruneEnabled: v('SHOPWIRE_PRUNE_ENABLED', 'true', 'Delete old finished executions automatically', bool),
  pruneMaxAgeDays: v(
    'SHOPWIRE_PRUNE_MAX_AGE_DAYS',
    '14',
    'Finished executions older than this are deleted',
    int(1, 36_500),
  ),
  pruneMaxCount: v(
    'SHOPWIRE_PRUNE_MAX_COUNT',
    '10000',
    'At most this many finished executions are kept per workflow',
    int(1, 100_000_000),
  ),
  logLevel: v(
    'SHOPWIRE_LOG_LEVEL',
    'info',
    'debug | info | warn | error',
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['debug', 'info', 'warn', 'error'])),
  ),
  nodePackagesDir: v(
    'SHOPWIRE_NODE_PACKAGES_DIR',
    undefined,
    'Folder of extra (third-party) node packages (default <dataDir>/nodes/node_modules)',
    z.string().trim().min(1),
  ),
  secureCookies: v(
    'SHOPWIRE_SECURE_COOKIES',
    'auto',
    'auto: Secure session cookie when the public URL is https or the request came over TLS (X-Forwarded-Proto); true | false',
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['auto', 'true', 'false'])),
  ),
  allowPrivateNetworks: v(
    'SHOPWIRE_ALLOW_PRIVATE_NETWORKS',
    'false',
    'Let HTTP Request and connector nodes reach loopback, private, link-local (cloud metadata) and other local addresses. Keep false on shared or cloud hosts',
    bool,
  ),
  httpAllowedHosts: v(
    'SHOPWIRE_HTTP_ALLOWED_HOSTS',
    '',
    'Comma-separated exceptions to the private-address block: host names (erp.lan, *.corp.example) or IPs/CIDRs (10.1.2.0/24)',
    z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .max(253)
            .regex(
              /^(\*\.)?[A-Za-z0-9._:-]+(\/\d{1,3})?$/,
              'each entry must be a host name, an IP or a CIDR',
            ),
        ),
      ),
  ),
  webhookRateLimit: v(
    'SHOPWIRE_WEBHOOK_RATE_LIMIT',
    '200',
    'Requests per second one webhook (workflow + path) accepts before answering 429; 0 turns the limit off',
    int(0, 1_000_000),
  ),
  webhookRateBurst: v(
    'SHOPWIRE_WEBHOOK_RATE_BURST',
    undefined,
    'Short bursts allowed above the webhook rate (default: twice SHOPWIRE_WEBHOOK_RATE_LIMIT)',
    int(1, 10_000_000),
  ),
  trustProxy: v(
    'SHOPWIRE_TRUST_PROXY',
    'false',
    'Take the client IP from X-Forwarded-For (only behind a reverse proxy that sets it): login rate limits and the audit log',
    bool,
  ),
  loginMaxFailures: v(
    'SHOPWIRE_LOGIN_MAX_FAILURES',
    '5',
    'Failed logins in a row after which an account is locked for SHOPWIRE_LOGIN_LOCKOUT_MINUTES',
    int(1, 1000),
  ),
  loginLockoutMinutes: v(
    'SHOPWIRE_LOGIN_LOCKOUT_MINUTES',
    '15',
    'How long an account stays locked after too many failed logins',
    int(1, 10_080),
  ),
  auditRetentionDays: v(
    'SHOPWIRE_AUDIT_RETENTION_DAYS',
    '365',
    'Audit log entries older than this are deleted',
    int(1, 36_500),
  ),
  dbUrl: v(
    'SHOPWIRE_DB_URL',
    undefined,
    'PostgreSQL connection URL (postgres://user@host:5432/db). Unset: SQLite file in the data folder',
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  ),
  dbSchema: v(
    'SHOPWIRE_DB_SCHEMA',
    'public',
    'PostgreSQL schema holding the tables (created if missing)',
    z
      .string()
      .trim()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier'),
  ),
  queue: v(
    'SHOPWIRE_QUEUE',
    'memory',
    'memory: one process runs everything. redis: queue mode — `start` enqueues, `shopwire worker` processes run executions (needs SHOPWIRE_DB_URL)',
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['memory', 'redis'])),
  ),
  redisUrl: v(
    'SHOPWIRE_REDIS_URL',
    'redis://127.0.0.1:6379',
    'Redis for queue mode (BullMQ jobs, execution events, cancel, worker heartbeats)',
    z
      .string()
      .trim()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'),
  ),
  redisPrefix: v(
    'SHOPWIRE_REDIS_PREFIX',
    'shopwire',
    'Prefix of every Redis key and channel (several installations can share one Redis)',
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - only'),
  ),
  queueLockMs: v(
    'SHOPWIRE_QUEUE_LOCK_MS',
    '30000',
    'Queue mode: a job whose worker stops renewing its lock (crash, kill -9) moves to another worker after this long (ms)',
    int(1000, 600_000),
  ),
  networkRetryBaseMs: v(
    'SHOPWIRE_NETWORK_RETRY_BASE_MS',
    '5000',
    'Network down: first wait before a parked execution tries the failed call again (doubles each time) (ms)',
    int(100, 3_600_000),
  ),
  networkRetryMaxMs: v(
    'SHOPWIRE_NETWORK_RETRY_MAX_MS',
    '300000',
    'Network down: longest wait between two tries (ms)',
    int(100, 86_400_000),
  ),
  networkRetryHours: v(
    'SHOPWIRE_NETWORK_RETRY_HOURS',
    '24',
    'Network down: after this long an execution stops retrying and fails with NETWORK_DOWN',
    int(1, 720),
  ),
} as const;
