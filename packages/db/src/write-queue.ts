import type { QueryResult } from 'kysely';
import type { BoundQuery, DbConnection } from './dialect/connection.js';

interface Pending {
  op: readonly BoundQuery[];
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
  #flushing = false;
  #scheduled = false;
  #idle: (() => void)[] = [];
  #ops = 0;

  constructor(private readonly conn: DbConnection) {}

  /** queues one all-or-nothing op; resolves with one result per query after the commit */
  submit(op: readonly BoundQuery[]): Promise<QueryResult<unknown>[]> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ op, resolve, reject });
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
    setImmediate(() => {
      this.#scheduled = false;
      void this.#run();
    });
  }

  async #run(): Promise<void> {
    this.#flushing = true;
    while (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
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
