import { performance } from 'node:perf_hooks';
import type { QueryResult } from 'kysely';
import type { BoundQuery, DbConnection } from './dialect/connection.js';

/**
 * A commit has a fixed cost (about 0.25 ms on SQLite: one WAL frame per page it dirtied) on top of
 * its statements. When the process is busy and the batches stay tiny (one execution each, e.g.
 * workflows whose nodes answer slowly from the sandbox), that fixed cost is what it spends its time
 * on: then the next batch waits until SMALL_BATCH_GAP_MS after the last one started, and gathers
 * more. Not when the event loop has time to spare (a quiet server answers at once) and not after
 * a big batch (writes already come faster than the gap). "Small" is up to two executions' worth
 * (about 8 statements each): with 8, a Code-node webhook workflow still committed 0.85 times per
 * execution.
 */
const SMALL_BATCH_OPS = 16;
const SMALL_BATCH_GAP_MS = 4;
/** event-loop utilization above which the process counts as busy, measured over BUSY_WINDOW_MS */
const BUSY_UTILIZATION = 0.85;
const BUSY_WINDOW_MS = 100;

interface Pending {
  op: readonly BoundQuery[];
  /** coalescing key: a later submit with the same key replaces `op` while this is still pending */
  key?: string;
  resolve: (results: QueryResult<unknown>[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes issued while the previous batch is committing (or in the same tick) are
 * queued and committed together in ONE transaction; each caller's promise resolves after that
 * commit, so a resolved write is durable and visible to every later read.
 */
export class WriteQueue {
  #pending: Pending[] = [];
  /** keyed ops not yet taken into a batch */
  #keyed = new Map<string, Pending>();
  #flushing = false;
  #scheduled = false;
  #idle: (() => void)[] = [];
  #ops = 0;
  /** start (performance.now()) and size of the last batch */
  #lastStart = Number.NEGATIVE_INFINITY;
  #lastSize = 0;
  #busy = false;
  #loopSample = performance.eventLoopUtilization();
  #loopSampledAt = performance.now();

  constructor(private readonly conn: DbConnection) {}

  /**
   * Queues one all-or-nothing op; resolves with one result per query after the commit.
   * With `key`: if an op with the same key is still waiting for its batch, this op REPLACES it
   * (keeping its place) and both callers resolve on the one commit. The journal uses it so a node
   * run that starts and finishes before the next commit is one statement, not two.
   */
  submit(op: readonly BoundQuery[], options?: { key?: string }): Promise<QueryResult<unknown>[]> {
    const key = options?.key;
    return new Promise((resolve, reject) => {
      const earlier = key === undefined ? undefined : this.#keyed.get(key);
      if (earlier) {
        earlier.op = op;
        const [resolveEarlier, rejectEarlier] = [earlier.resolve, earlier.reject];
        earlier.resolve = (results) => (resolveEarlier(results), resolve(results));
        earlier.reject = (error) => (rejectEarlier(error), reject(error));
        return;
      }
      const entry: Pending = { op, resolve, reject };
      if (key !== undefined) {
        entry.key = key;
        this.#keyed.set(key, entry);
      }
      this.#pending.push(entry);
      this.#schedule();
    });
  }

  /** ops committed so far */
  get opCount(): number {
    return this.#ops;
  }

  /** resolves when everything queued so far is committed */
  flush(): Promise<void> {
    if (!this.#flushing && !this.#scheduled && this.#pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #schedule(): void {
    if (this.#scheduled || this.#flushing) return;
    this.#scheduled = true;
    const now = performance.now();
    const wait =
      this.#lastSize < SMALL_BATCH_OPS && this.#isBusy(now)
        ? SMALL_BATCH_GAP_MS - (now - this.#lastStart)
        : 0;
    if (wait > 0) setTimeout(this.#start, Math.ceil(wait));
    else setImmediate(this.#start);
  }

  /** whether the event loop was busy over the last window (re-measured once a window) */
  #isBusy(now: number): boolean {
    if (now - this.#loopSampledAt >= BUSY_WINDOW_MS) {
      const sample = performance.eventLoopUtilization();
      this.#busy = performance.eventLoopUtilization(sample, this.#loopSample).utilization > BUSY_UTILIZATION;
      this.#loopSample = sample;
      this.#loopSampledAt = now;
    }
    return this.#busy;
  }

  readonly #start = (): void => {
    this.#scheduled = false;
    void this.#run();
  };

  async #run(): Promise<void> {
    this.#flushing = true;
    while (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      this.#lastStart = performance.now();
      this.#lastSize = batch.reduce((n, p) => n + p.op.length, 0);
      // a new Map, not clear(): see ChurnMap (@shopwire/sdk) for why
      this.#keyed = new Map();
      try {
        const results = await this.conn.runBatch(batch.map((p) => p.op));
        this.#ops += batch.length;
        batch.forEach((p, i) => {
          const result = results[i];
          if (result?.ok) p.resolve(result.results);
          else p.reject(result ? result.error : new Error('write batch returned no result'));
        });
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    this.#flushing = false;
    const idle = this.#idle;
    this.#idle = [];
    for (const resolve of idle) resolve();
  }
}
