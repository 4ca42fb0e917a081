import ivm from 'isolated-vm';
import { RUNTIME_FILENAME, RUNTIME_SOURCE } from '../runtime/runtime-source.js';
import type { ChildFailure } from '../protocol.js';

/**
 * Owns the child's single isolate and its one long-lived, hardened context. Rebuilds both when
 * the isolate is disposed (memory limit) or after a timeout, so a half-run script never lingers.
 */
export class IsolateHost {
  private isolate!: ivm.Isolate;
  private evalBatchRef!: ivm.Reference<(payload: string) => string>;
  private runCodeStartRef!: ivm.Reference<(code: string, payload: string) => void>;
  private runCodeTakeRef!: ivm.Reference<() => string | null>;
  private runCodeWaitRef!: ivm.Reference<() => Promise<string>>;

  constructor(private readonly memoryMb: number) {
    this.build();
  }

  private build(): void {
    this.isolate = new ivm.Isolate({ memoryLimit: this.memoryMb });
    const context = this.isolate.createContextSync();
    const script = this.isolate.compileScriptSync(RUNTIME_SOURCE, { filename: RUNTIME_FILENAME });
    const api = script.runSync(context, { reference: true, timeout: 10_000 }) as ivm.Reference<
      Record<string, unknown>
    >;
    this.evalBatchRef = api.getSync('evalBatch', { reference: true }) as typeof this.evalBatchRef;
    this.runCodeStartRef = api.getSync('runCodeStart', { reference: true }) as typeof this.runCodeStartRef;
    this.runCodeTakeRef = api.getSync('runCodeTake', { reference: true }) as typeof this.runCodeTakeRef;
    this.runCodeWaitRef = api.getSync('runCodeWait', { reference: true }) as typeof this.runCodeWaitRef;
    script.release();
  }

  /** Throws away the isolate (stopping anything still running in it) and makes a fresh one. */
  rebuild(): void {
    try {
      if (!this.isolate.isDisposed) this.isolate.dispose();
    } catch {
      // already gone
    }
    this.build();
  }

  evaluateExpressions(payload: string, timeoutMs: number): string {
    try {
      return this.evalBatchRef.applySync(undefined, [payload], { timeout: timeoutMs });
    } catch (error) {
      throw this.toFailure(
        error,
        `Expression evaluation took longer than ${timeoutMs} ms (an endless loop?)`,
      );
    }
  }

  async runCode(code: string, payload: string, timeoutMs: number): Promise<string> {
    const timeoutMessage = `Code did not finish within ${timeoutMs} ms: check for endless loops or promises that never settle`;
    // Fast path: two synchronous calls (start, then take the settled answer); the isolate's own
    // timeout stops endless loops in them, as in the asynchronous call below.
    const started = performance.now();
    try {
      this.runCodeStartRef.applySync(undefined, [code, payload], { timeout: timeoutMs });
      const settled = this.runCodeTakeRef.applySync(undefined, [], { timeout: timeoutMs });
      if (settled !== null) return settled;
    } catch (error) {
      throw this.toFailure(error, timeoutMessage);
    }
    // Still pending (it awaits something that takes more turns): wait for it with a wall clock.
    const left = Math.max(1, Math.ceil(timeoutMs - (performance.now() - started)));
    const run = this.runCodeWaitRef.apply(undefined, [], {
      timeout: left,
      result: { promise: true },
    });
    run.catch(() => undefined); // may reject after the wall-clock timer already answered
    let timer: NodeJS.Timeout | undefined;
    // The isolate's timeout counts only running time; a promise that never settles needs a clock.
    const wall = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WallClockTimeout()), left + 100);
    });
    try {
      return (await Promise.race([run, wall])) as string;
    } catch (error) {
      throw this.toFailure(error, timeoutMessage);
    } finally {
      clearTimeout(timer);
    }
  }

  private toFailure(error: unknown, timeoutMessage: string): IsolateFailure {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof WallClockTimeout || /timed out/i.test(message)) {
      this.rebuild();
      return new IsolateFailure({ code: 'SANDBOX_TIMEOUT', message: timeoutMessage });
    }
    if (this.isolate.isDisposed || /memory limit|disposed/i.test(message)) {
      this.rebuild();
      return new IsolateFailure({
        code: 'SANDBOX_MEMORY',
        message: `The code used more than ${this.memoryMb} MB of memory and was stopped`,
      });
    }
    this.rebuild();
    return new IsolateFailure({
      code: 'SANDBOX_CRASHED',
      message: `The sandbox failed: ${message.slice(0, 500)}`,
    });
  }
}

class WallClockTimeout extends Error {}

export class IsolateFailure extends Error {
  constructor(readonly failure: ChildFailure) {
    super(failure.message);
  }
}
