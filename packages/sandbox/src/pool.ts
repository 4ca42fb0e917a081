import fs from 'node:fs/promises';
import { SandboxError, type Logger } from '@shopwire/sdk';
import { SandboxChild, type Job } from './child-process.js';
import { childScriptPath } from './child-script.js';
import type { ChildFailure, ChildRequest } from './protocol.js';

export interface PoolSettings {
  size: number;
  memoryMb: number;
  maxRssMb: number;
  maxOutputChars: number;
  /**
   * 0: the children start with the pool and keep running. Above 0: they start with the first
   * request and stop after this many ms without one, so an idle server holds no sandbox memory.
   */
  idleMs: number;
  logger?: Logger;
}

type NewRequest = { kind: 'expressions'; payload: string } | { kind: 'code'; code: string; payload: string };

const RSS_POLL_MS = 500;
const MAX_REQUEUES = 1;
/** jobs a busy child may hold (the running one included), see pickChild */
const MAX_QUEUED_JOBS = 8;
const STARTUP_FAILURES_BEFORE_GIVING_UP = 3;

/**
 * Supervises the sandbox child processes: a FIFO queue in the parent, dispatch to an idle child
 * first (else one short expression batch may wait behind another on the least-loaded child),
 * wall-clock deadlines, RSS limits and replacement of dead children.
 */
export class ChildPool {
  private readonly children: SandboxChild[] = [];
  private readonly queue: Job[] = [];
  private readonly script: string;
  private readonly rssTimer: NodeJS.Timeout;
  // Children and timers are unref'd so an idle pool never keeps the host alive; this handle is
  // ref'd exactly while some request is waiting for an answer.
  private readonly keepAlive: NodeJS.Timeout;
  private idleTimer: NodeJS.Timeout | undefined;
  /** children stopped for being idle: their exit is not a crash and needs no replacement */
  private readonly retired = new WeakSet<SandboxChild>();
  /** set while waiting to retry after children failed to start, so requests don't spawn more */
  private backingOff = false;
  private pending = 0;
  private nextId = 1;
  private restarts = 0;
  private startupFailures = 0;
  private closed = false;

  constructor(private readonly settings: PoolSettings) {
    this.script = childScriptPath();
    if (settings.idleMs <= 0) this.ensureChildren();
    this.rssTimer = setInterval(() => void this.pollRss(), RSS_POLL_MS);
    this.rssTimer.unref();
    this.keepAlive = setInterval(() => undefined, 1 << 30);
    this.keepAlive.unref();
  }

  submit(request: NewRequest, timeoutMs: number, deadlineMs: number): Promise<string> {
    if (this.closed) return Promise.reject(new SandboxError('SANDBOX_CRASHED', 'The sandbox pool is closed'));
    return new Promise<string>((resolve, reject) => {
      const id = this.nextId++;
      // keys first, spread last: see docs/architecture.md, "Garbage that dies young"
      const full: ChildRequest = { id, timeoutMs, ...request };
      if (this.pending++ === 0) {
        this.keepAlive.ref();
        clearTimeout(this.idleTimer);
      }
      const settled = (): void => {
        if (--this.pending > 0) return;
        this.keepAlive.unref();
        this.armIdleTimer();
      };
      this.queue.push({
        request: full,
        deadlineMs,
        requeues: 0,
        resolve: (text: string) => {
          settled();
          resolve(text);
        },
        fail: (failure: ChildFailure) => {
          settled();
          reject(new SandboxError(failure.code, failure.message));
        },
      });
      this.ensureChildren();
      this.dispatch();
    });
  }

  /** `available`: requests can be served (now, or once a child has started on demand) */
  stats(): { children: number; restarts: number; inFlight: number; waiting: number; available: boolean } {
    let inFlight = 0;
    for (const child of this.children) inFlight += child.jobs.length;
    return {
      children: this.children.length,
      restarts: this.restarts,
      inFlight: inFlight + this.queue.length,
      // in the parent's queue: no child holds them yet
      waiting: this.queue.length,
      available: !this.closed && !this.backingOff,
    };
  }

  pids(): number[] {
    return this.children.map((c) => c.pid).filter((pid): pid is number => pid !== undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    clearInterval(this.rssTimer);
    clearInterval(this.keepAlive);
    for (const job of this.queue.splice(0))
      job.fail({ code: 'SANDBOX_CRASHED', message: 'The sandbox pool was closed' });
    const exits = this.children.map((child) => new Promise<void>((resolve) => child.onGone(resolve)));
    for (const child of this.children)
      child.kill({ code: 'SANDBOX_CRASHED', message: 'The sandbox pool was closed' });
    // the children are unref'd: without a ref'd handle Node could exit before they are reaped,
    // cutting short whatever the caller does after close()
    const hold = setInterval(() => undefined, 1000);
    try {
      await Promise.all(exits);
    } finally {
      clearInterval(hold);
    }
  }

  /** starts children until `size` are running or starting (not while backing off) */
  private ensureChildren(): void {
    if (this.closed || this.backingOff) return;
    let live = 0;
    for (const child of this.children) if (!this.retired.has(child)) live++;
    for (; live < this.settings.size; live++) this.spawn();
  }

  private armIdleTimer(): void {
    if (this.settings.idleMs <= 0 || this.closed) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.retireIdleChildren(), this.settings.idleMs);
    this.idleTimer.unref();
  }

  private retireIdleChildren(): void {
    if (this.pending > 0 || this.closed) return;
    for (const child of this.children) {
      this.retired.add(child);
      child.kill({ code: 'SANDBOX_CRASHED', message: 'the sandbox process was stopped while idle' });
    }
  }

  private spawn(): void {
    const child = new SandboxChild(
      this.script,
      {
        memoryMb: this.settings.memoryMb,
        maxOutputChars: this.settings.maxOutputChars,
        // the child's own heap only holds request/result strings
        maxOldSpaceMb: Math.max(256, Math.ceil((this.settings.maxOutputChars / 1048576) * 6)),
      },
      {
        onReady: () => {
          this.startupFailures = 0;
          this.dispatch();
        },
        onFree: (c, rss) => {
          this.checkRss(c, rss);
          this.dispatch();
        },
        onExit: (c, unstarted, diedBeforeReady) => this.onChildExit(c, unstarted, diedBeforeReady),
      },
    );
    this.children.push(child);
  }

  private onChildExit(child: SandboxChild, unstarted: Job[], diedBeforeReady: boolean): void {
    const index = this.children.indexOf(child);
    if (index !== -1) this.children.splice(index, 1);
    if (this.retired.has(child) && !this.closed) {
      // stopped while idle; a request that came in meanwhile went to (or starts) a new child
      this.queue.unshift(...unstarted);
      if (this.queue.length > 0) this.ensureChildren();
      this.dispatch();
      return;
    }
    if (this.closed) {
      for (const job of unstarted)
        job.fail({ code: 'SANDBOX_CRASHED', message: 'The sandbox pool was closed' });
      return;
    }
    this.restarts++;
    this.settings.logger?.warn('sandbox process exited; starting a replacement', {
      pid: child.pid,
      stderr: child.stderr.slice(-500),
    });
    for (const job of unstarted.reverse()) {
      if (job.requeues++ < MAX_REQUEUES) this.queue.unshift(job);
      else
        job.fail({
          code: 'SANDBOX_CRASHED',
          message: 'the sandbox process crashed repeatedly before running this code',
        });
    }
    if (diedBeforeReady && ++this.startupFailures >= STARTUP_FAILURES_BEFORE_GIVING_UP) {
      const reason = `sandbox processes fail to start: ${child.stderr.slice(-300) || 'no output'}`;
      for (const job of this.queue.splice(0)) job.fail({ code: 'SANDBOX_CRASHED', message: reason });
      this.backingOff = true;
      const retry = setTimeout(() => {
        this.backingOff = false;
        // on demand, the next request starts one; else keep one starting
        if (this.settings.idleMs <= 0 || this.pending > 0) this.ensureChildren();
      }, 1000);
      retry.unref();
      return;
    }
    this.ensureChildren();
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const job = this.queue[0] as Job;
      const child = this.pickChild(job);
      if (child === undefined) return;
      this.queue.shift();
      child.send(job);
    }
  }

  // An idle child first. Otherwise a job may queue (up to MAX_QUEUED_JOBS) on the least-loaded
  // child behind jobs of its own kind (a code job behind code jobs, an expression batch behind
  // expression batches): it starts as soon as the child is free instead of a round trip later,
  // and jobs queued in the same turn share one pipe write (Code-node webhooks: +25% req/s).
  // A job put back after its child died while it waited runs alone: on an idle child, with
  // nothing queued behind it, so it fails only for what its own code does, never twice for
  // another job's crash.
  private pickChild(job: Job): SandboxChild | undefined {
    let best: SandboxChild | undefined;
    for (const child of this.children) {
      if (!child.ready || !child.alive) continue;
      if (child.jobs.length === 0) return child;
      const canQueue =
        job.requeues === 0 &&
        child.jobs.length < MAX_QUEUED_JOBS &&
        child.jobs.every((queued) => queued.request.kind === job.request.kind && queued.requeues === 0);
      if (canQueue && (best === undefined || child.jobs.length < best.jobs.length)) best = child;
    }
    return best;
  }

  private checkRss(child: SandboxChild, rssBytes: number): void {
    if (rssBytes > this.settings.maxRssMb * 1048576) {
      child.kill({
        code: 'SANDBOX_MEMORY',
        message: `the sandbox process used more than ${this.settings.maxRssMb} MB of memory and was restarted`,
      });
    }
  }

  private async pollRss(): Promise<void> {
    for (const child of this.children) {
      if (child.pid === undefined || !child.alive) continue;
      try {
        const status = await fs.readFile(`/proc/${child.pid}/status`, 'utf8');
        const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
        if (match?.[1] !== undefined) this.checkRss(child, Number(match[1]) * 1024);
      } catch {
        // not Linux or the process just exited: the per-reply RSS check still applies
      }
    }
  }
}
