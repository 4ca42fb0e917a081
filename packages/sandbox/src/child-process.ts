import { fork, type ChildProcess } from 'node:child_process';
import type { ChildFailure, ChildMessage, ChildOptions, ChildRequest } from './protocol.js';

/** One request the pool has handed to a child. */
export interface Job {
  request: ChildRequest;
  /** host-side wall-clock limit once the child starts it */
  deadlineMs: number;
  /** times a child died before starting this job (it is re-queued, not failed) */
  requeues: number;
  resolve(result: string): void;
  fail(failure: ChildFailure): void;
}

export interface ChildEvents {
  onReady(child: SandboxChild): void;
  onFree(child: SandboxChild, rss: number): void;
  /** the child is gone; `unstarted` jobs never ran and may be dispatched elsewhere */
  onExit(child: SandboxChild, unstarted: Job[], diedBeforeReady: boolean): void;
}

const CRASH_MESSAGE = 'the sandbox process ran out of memory or crashed while running this code';

/**
 * A forked sandbox process. It runs jobs strictly one after another; `jobs[0]` is the running
 * one and is the only one failed when the process dies or is killed.
 */
export class SandboxChild {
  readonly jobs: Job[] = [];
  ready = false;
  private proc: ChildProcess;
  private deadline: NodeJS.Timeout | undefined;
  private killReason: ChildFailure | undefined;
  private exited = false;
  private stderrTail = '';
  private readonly goneListeners: (() => void)[] = [];
  /** requests handed over in this turn of the event loop, written as ONE message (see send) */
  private outbox: ChildRequest[] = [];

  constructor(
    script: string,
    options: ChildOptions & { maxOldSpaceMb: number },
    private readonly events: ChildEvents,
  ) {
    const childOptions: ChildOptions = { memoryMb: options.memoryMb, maxOutputChars: options.maxOutputChars };
    this.proc = fork(script, [JSON.stringify(childOptions)], {
      // isolated-vm needs --no-node-snapshot on Node >= 20; never inherit the parent's loaders.
      execArgv: ['--no-node-snapshot', `--max-old-space-size=${options.maxOldSpaceMb}`],
      env: process.env.NODE_ICU_DATA === undefined ? {} : { NODE_ICU_DATA: process.env.NODE_ICU_DATA },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // V8 serialization copies the (large) JSON payload strings as they are; 'json' would
      // escape every quote in them again and parse them back on the other side
      serialization: 'advanced',
    });
    this.proc.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2000);
    });
    this.proc.on('message', (message: ChildMessage) => this.onMessage(message));
    this.proc.on('exit', (code, signal) => this.onExit(code, signal));
    this.proc.on('error', () => this.kill({ code: 'SANDBOX_CRASHED', message: CRASH_MESSAGE }));
    // Children must never keep the host process alive; pending jobs hold a ref'd timer instead.
    this.proc.unref();
    this.proc.channel?.unref();
    (this.proc.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get alive(): boolean {
    return !this.exited && this.killReason === undefined;
  }

  get stderr(): string {
    return this.stderrTail;
  }

  /** calls `listener` once the process has exited (immediately if it already has) */
  onGone(listener: () => void): void {
    if (this.exited) listener();
    else this.goneListeners.push(listener);
  }

  /**
   * Queues a job. An idle child gets the request at once. A busy child cannot start it before it
   * answers anyway: its requests are written at the end of this event-loop turn, together with every
   * other request handed to it meanwhile, so one pipe write (and one wake-up of the child) carries
   * the batch; the child still runs and answers them one by one.
   */
  send(job: Job): void {
    this.jobs.push(job);
    if (this.jobs.length === 1) {
      // an idle child is waiting: no batching delay (nothing can be queued in the outbox then)
      this.armDeadline();
      this.proc.send(job.request);
    } else if (this.outbox.push(job.request) === 1) setImmediate(this.flushOutbox);
  }

  private readonly flushOutbox = (): void => {
    const out = this.outbox;
    this.outbox = [];
    if (this.exited || out.length === 0) return;
    this.proc.send(out.length === 1 ? (out[0] as ChildRequest) : out);
  };

  /** SIGKILLs the process; the running job fails with `reason`. */
  kill(reason: ChildFailure): void {
    if (this.exited || this.killReason !== undefined) return;
    this.killReason = reason;
    this.proc.kill('SIGKILL');
  }

  private armDeadline(): void {
    clearTimeout(this.deadline);
    const head = this.jobs[0];
    if (head === undefined) return;
    this.deadline = setTimeout(() => {
      this.kill({
        code: 'SANDBOX_TIMEOUT',
        message: `The sandbox did not answer within ${head.deadlineMs} ms and was restarted (code that cannot be interrupted, e.g. an endless loop in a thrown Proxy)`,
      });
    }, head.deadlineMs);
  }

  private onMessage(message: ChildMessage): void {
    if (message.type === 'ready') {
      this.ready = true;
      this.events.onReady(this);
      return;
    }
    const head = this.jobs[0];
    if (head === undefined || head.request.id !== message.id) return;
    this.jobs.shift();
    this.armDeadline();
    if (message.type === 'result') head.resolve(message.result);
    else head.fail(message.error);
    this.events.onFree(this, message.rss);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exited) return;
    this.exited = true;
    clearTimeout(this.deadline);
    const [head, ...rest] = this.jobs.splice(0);
    if (head !== undefined) head.fail(this.killReason ?? this.exitFailure(code, signal));
    this.events.onExit(this, rest, !this.ready);
    for (const listener of this.goneListeners.splice(0)) listener();
  }

  private exitFailure(code: number | null, signal: NodeJS.Signals | null): ChildFailure {
    const oom = /out of memory|heap limit|allocation failed/i.test(this.stderrTail);
    const abort = signal === 'SIGABRT' || signal === 'SIGTRAP' || code === 134 || code === 133;
    return { code: oom || abort ? 'SANDBOX_MEMORY' : 'SANDBOX_CRASHED', message: CRASH_MESSAGE };
  }
}
