import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Worker thread of sqlite-checkpointer.ts (built to dist/dialect/checkpoint-worker.js): copies the WAL's
 * committed pages into the database file every `intervalMs`, on its own connection. PASSIVE never
 * waits for the writer or for readers, so the server's thread is never held up by it.
 */
interface CheckpointWorkerData {
  file: string;
  intervalMs: number;
}

const { file, intervalMs } = workerData as CheckpointWorkerData;
const db = new BetterSqlite3(file, { timeout: 0 });
db.pragma('cache_size = -2048'); // it reads the WAL and writes pages: a small cache is enough

let checkpoints = 0;
let failures = 0;
function checkpoint(): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    checkpoints += 1;
  } catch {
    // SQLITE_BUSY and the like: the next tick tries again (the writer's own checkpoint is the backstop)
    failures += 1;
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort?.on('message', (message: unknown) => {
  if (message === 'stats') parentPort?.postMessage({ checkpoints, failures });
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
