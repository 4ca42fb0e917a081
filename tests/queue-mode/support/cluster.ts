import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient, setupOwner } from '../../e2e/support/api.js';
import { killSpawned, spawnProcess, type QmProcess, type Role } from './processes.js';
import {
  TEST_PG_URL,
  TEST_REDIS_URL,
  deleteRedisKeys,
  dropSchema,
  pgRows,
  randomSuffix,
} from './services.js';

/**
 * A queue-mode installation made of real processes: N `shopwire start` + M `shopwire worker`
 * on the real PostgreSQL (own schema, created by the first process's migrations) and Redis (own
 * key prefix). destroy() kills every process it started, drops the schema and deletes the keys.
 */

/** BullMQ job lock: a killed worker's job moves to another worker after about this long */
export const QUEUE_LOCK_MS = 2000;
const ENCRYPTION_KEY = 'queue-mode-test-key-0123456789abcdef';

export interface ClusterOptions {
  starts: number;
  workers: number;
  /** worker --concurrency (default 4) */
  concurrency?: number;
  /** extra environment for every process */
  env?: Record<string, string>;
}

export interface Cluster {
  schema: string;
  prefix: string;
  /** every `start` process started so far (running or not), in order */
  starts: QmProcess[];
  workers: QmProcess[];
  /** signed in as the owner (set up on the first start process by boot()); sessions live in PostgreSQL */
  api: ApiClient;
  /** starts the processes: the first `start` alone (it runs the migrations), then the others */
  boot(): Promise<void>;
  /** the same session against another start process */
  apiOn(process: QmProcess): ApiClient;
  addStart(): Promise<QmProcess>;
  addWorker(options?: { concurrency?: number }): Promise<QmProcess>;
  /** SQL on this cluster's schema */
  rows<R = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<R[]>;
  /** executions.claimed_by of these ids (the instance that runs or ran each one) */
  claimedBy(ids: string[]): Promise<Map<string, string | null>>;
  /** the worker whose instance id this is (undefined: not one of ours) */
  workerOf(instanceId: string | null | undefined): QmProcess | undefined;
  /** kills every process (also ones still starting), drops the schema, deletes the Redis keys */
  destroy(): Promise<void>;
}

/**
 * Created synchronously so afterAll can always destroy it, even when boot() failed or timed out:
 * `const cluster = createCluster(...)`, `beforeAll(() => cluster.boot())`, `afterAll(() => cluster.destroy())`.
 */
export function createCluster(options: ClusterOptions): Cluster {
  const suffix = randomSuffix();
  const schema = `sw_qm_${suffix}`;
  const prefix = `swqm-${suffix}`;
  const dirs: string[] = [];
  const all: QmProcess[] = [];
  const starts: QmProcess[] = [];
  const workers: QmProcess[] = [];

  const envFor = (dataDir: string): NodeJS.ProcessEnv => ({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    SHOPWIRE_DATA_DIR: dataDir,
    // info: the `listening` / `worker ready` lines, and takeovers in the logs of failed tests
    SHOPWIRE_LOG_LEVEL: 'info',
    SHOPWIRE_ALLOW_PRIVATE_NETWORKS: 'true',
    SHOPWIRE_QUEUE: 'redis',
    SHOPWIRE_DB_URL: TEST_PG_URL,
    SHOPWIRE_DB_SCHEMA: schema,
    SHOPWIRE_REDIS_URL: TEST_REDIS_URL,
    SHOPWIRE_REDIS_PREFIX: prefix,
    SHOPWIRE_QUEUE_LOCK_MS: String(QUEUE_LOCK_MS),
    SHOPWIRE_ENCRYPTION_KEY: ENCRYPTION_KEY,
    SHOPWIRE_SANDBOX_PROCESSES: '1',
    ...options.env,
  });

  const counts = { start: 0, worker: 0 };
  async function spawnRole(role: Role, args: string[] = []): Promise<QmProcess> {
    const list = role === 'start' ? starts : workers;
    const name = `${role}-${(counts[role] += 1)}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sw-qm-${name}-`));
    dirs.push(dir);
    const proc = await spawnProcess({ role, name, env: envFor(dir), args });
    all.push(proc);
    list.push(proc);
    return proc;
  }

  const addStart = (): Promise<QmProcess> => spawnRole('start');
  const addWorker = (o: { concurrency?: number } = {}): Promise<QmProcess> =>
    spawnRole('worker', ['--concurrency', String(o.concurrency ?? options.concurrency ?? 4)]);

  const cluster: Cluster = {
    schema,
    prefix,
    starts,
    workers,
    api: undefined as unknown as ApiClient,
    apiOn: (proc) => new ApiClient(proc.url, cluster.api.auth),
    addStart,
    addWorker,
    rows: (sqlText, params) => pgRows(schema, sqlText, params),
    async claimedBy(ids) {
      const rows = await pgRows<{ id: string; claimed_by: string | null }>(
        schema,
        'SELECT id, claimed_by FROM executions WHERE id = ANY($1)',
        [ids],
      );
      return new Map(rows.map((r) => [r.id, r.claimed_by]));
    },
    workerOf: (instanceId) => workers.find((w) => w.instanceId === instanceId),
    async boot() {
      // the first process creates the schema and runs the migrations; the others find them done
      const first = await addStart();
      cluster.api = await setupOwner(first.url);
      await Promise.all([
        ...Array.from({ length: options.starts - 1 }, () => addStart()),
        ...Array.from({ length: options.workers }, () => addWorker()),
      ]);
    },
    async destroy() {
      await Promise.all(all.map((p) => p.kill('SIGKILL')));
      await killSpawned();
      const problems: string[] = [];
      await dropSchema(schema).catch((e: unknown) => problems.push(`drop schema ${schema}: ${String(e)}`));
      await deleteRedisKeys(prefix).catch((e: unknown) => problems.push(`delete ${prefix}:*: ${String(e)}`));
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
      if (problems.length > 0) throw new Error(`cluster cleanup: ${problems.join('; ')}`);
    },
  };

  return cluster;
}
