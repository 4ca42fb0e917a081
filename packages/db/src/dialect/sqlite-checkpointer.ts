import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * How often the background thread checkpoints. A commit only appends to the WAL; copying those
 * pages into the database file (and its fsync) is the checkpoint, which SQLite otherwise runs inside
 * the commit that crosses 1,000 WAL pages, on the server's only thread.
 */
export const CHECKPOINT_INTERVAL_MS = 100;
/**
 * With the thread running, the writer's own checkpoint is only the backstop that resets the WAL
 * under sustained load (a WAL restarts only when a checkpoint has caught up as a write begins);
 * the thread has copied most pages by then, so it has little left to do.
 */
export const WRITER_CHECKPOINT_PAGES = 4000;

/** The thread starts once this many commits came within BUSY_WINDOW_MS (a busy spell). */
export const THREAD_AFTER_COMMITS = 50;
const BUSY_WINDOW_MS = 5000;

/** Counts commits in a sliding-enough window: `commit()` is true once a busy spell is seen. */
export class BusyWrites {
  private windowStart = 0;
  private count = 0;
  constructor(private readonly threshold: number) {}

  commit(now = Date.now()): boolean {
    if (now - this.windowStart > BUSY_WINDOW_MS) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += 1;
    return this.count >= this.threshold;
  }
}

export interface Checkpointer {
  /** checkpoints run and failed so far (tests, diagnostics) */
  stats(): Promise<{ checkpoints: number; failures: number }>;
  stop(): Promise<void>;
}

/** the built worker: beside the bundle, or in dist/ when this runs from source (tests, after a build) */
function workerFile(): string | undefined {
  const here = import.meta.url;
  const url = here.endsWith('.ts')
    ? new URL('../../dist/dialect/checkpoint-worker.js', here)
    : new URL('./dialect/checkpoint-worker.js', here);
  const file = fileURLToPath(url);
  return fs.existsSync(file) ? file : undefined;
}

/** Starts the checkpoint thread for `file`; undefined when the worker is not built (source only). */
export function startCheckpointer(
  file: string,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): Checkpointer | undefined {
  const script = workerFile();
  if (!script) return undefined;
  const worker = new Worker(script, { workerData: { file, intervalMs } });
  // never keeps the process alive; an error (the file went away) just ends the background copies
  worker.unref();
  worker.on('error', () => undefined);
  let running = true;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      running = false;
      resolve();
    }),
  );
  return {
    stats: () =>
      new Promise((resolve, reject) => {
        if (!running) return reject(new Error('the checkpoint thread has stopped'));
        const onExit = (): void => reject(new Error('the checkpoint thread has stopped'));
        worker.once('exit', onExit);
        worker.once('message', (stats: { checkpoints: number; failures: number }) => {
          worker.off('exit', onExit);
          resolve(stats);
        });
        worker.postMessage('stats');
      }),
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}
