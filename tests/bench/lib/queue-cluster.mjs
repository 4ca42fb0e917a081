// A queue-mode installation as real processes: one `shopwire start` (webhooks, enqueues) and any
// number of `shopwire worker` processes, all on the same PostgreSQL schema and Redis prefix.
import { readFileSync } from 'node:fs';
import { descendants } from './rss.mjs';
import { freePort, runCli, startServer, stopServer, waitHealthy } from './server-process.mjs';

/**
 * `isolation.env` from services.mjs; `extraEnv` is added to every process (start, workers, CLI).
 * Every spawned process is tracked in `all` so `stopAll` (and the Ctrl-C handler) can end them.
 */
export function createCluster({
  dataDir,
  isolation,
  extraEnv = {},
  workerConcurrency = 32,
  track,
  countInLogs = [],
}) {
  const env = { ...isolation.env, ...extraEnv };
  const all = new Set(); // alive
  const spawnedAll = []; // for their logs, dead or alive
  const workers = [];
  let main;
  let port;

  // how often each `countInLogs` message appeared in any process's output (logs keep only a tail)
  const counts = Object.fromEntries(countInLogs.map((text) => [text, 0]));
  const spawned = (proc) => {
    const count = (chunk) => {
      const text = chunk.toString();
      for (const message of countInLogs) counts[message] += text.split(message).length - 1;
    };
    proc.child.stdout.on('data', count);
    proc.child.stderr.on('data', count);
    all.add(proc);
    spawnedAll.push(proc);
    track?.(proc);
    proc.exited.then(() => all.delete(proc));
    return proc;
  };

  return {
    env,
    get main() {
      return main;
    },
    /** live workers, oldest first */
    get workers() {
      // `killed`: SIGKILL sent, but the exit is only seen once the process is reaped
      return workers.filter((w) => !w.killed && w.child.exitCode === null && w.child.signalCode === null);
    },
    /** live workers that answered /healthz (they consume the queue), oldest first */
    get readyWorkers() {
      return this.workers.filter((w) => w.ready);
    },
    /** every process spawned so far (dead ones too: their logs explain failures) */
    processes: () => [...spawnedAll],
    logCounts: () => ({ ...counts }),

    async startMain() {
      port = await freePort();
      main = spawned(startServer({ dataDir, port, extraEnv: env }));
      await waitHealthy(main);
      return main;
    },

    /** a worker with a health port; `wait` false returns before it is healthy (chaos replacements) */
    async startWorker({ wait = true } = {}) {
      const healthPort = await freePort();
      const worker = spawned(
        startServer({
          dataDir,
          port: healthPort,
          extraEnv: env,
          args: ['worker', '--concurrency', String(workerConcurrency), '--health-port', String(healthPort)],
        }),
      );
      workers.push(worker);
      worker.ready = false;
      const healthy = waitHealthy(worker, { timeoutMs: 30_000 }).then(() => (worker.ready = true));
      if (wait) await healthy;
      // not awaited: a worker killed before it is healthy rejects this, which is fine
      else healthy.catch(() => undefined);
      return worker;
    },

    /**
     * kill -9 of a worker. Its sandbox children (expression isolates) are listed first: they are
     * not killed here, the caller checks later that they went away on their own.
     */
    killWorker(worker) {
      const orphans = descendants(worker.pid).map((pid) => ({ pid, cmdline: cmdline(pid) }));
      worker.killed = true;
      worker.child.kill('SIGKILL');
      return { pid: worker.pid, orphans };
    },

    importWorkflow(file) {
      return runCli(['import', file, '--activate'], { dataDir, port, extraEnv: env });
    },

    /** SIGTERM everything (workers first: they hand their jobs back), SIGKILL after the grace time */
    async stopAll() {
      await Promise.all(workers.map((w) => stopServer(w, { graceMs: 15_000 })));
      if (main) await stopServer(main);
      await Promise.all([...all].map((p) => stopServer(p, { graceMs: 1000 })));
    },
  };
}

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
}

/** Pids of `processes` ({ pid, cmdline }) still alive AND still the same program (pids get reused). */
export function alivePids(processes) {
  return processes
    .filter(({ pid, cmdline: was }) => was !== undefined && cmdline(pid) === was)
    .map(({ pid }) => pid);
}
