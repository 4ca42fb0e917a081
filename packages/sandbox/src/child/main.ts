import { IsolateHost, IsolateFailure } from './isolate-host.js';
import type { ChildInbound, ChildMessage, ChildOptions, ChildReply, ChildRequest } from '../protocol.js';

/**
 * Entry point of a sandbox child process (forked by the pool, built to dist/child/main.js).
 * Handles one request at a time; the parent kills this process if it stops answering.
 */
const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const host = new IsolateHost(options.memoryMb);
const queue: ChildRequest[] = [];
let running = false;

function send(message: ChildMessage): void {
  if (process.send) process.send(message);
}

// Reading RSS costs a syscall: sample it at most every 500 ms (the parent also polls /proc).
let rssValue = 0;
let rssAt = 0;
function rss(): number {
  const now = Date.now();
  if (now - rssAt > 500) {
    rssValue = process.memoryUsage.rss();
    rssAt = now;
  }
  return rssValue;
}

async function handle(request: ChildRequest): Promise<ChildReply> {
  try {
    const result =
      request.kind === 'expressions'
        ? host.evaluateExpressions(request.payload, request.timeoutMs)
        : await host.runCode(request.code, request.payload, request.timeoutMs);
    if (result.length > options.maxOutputChars) {
      return {
        id: request.id,
        type: 'failure',
        rss: rss(),
        error: { code: 'SANDBOX_OUTPUT', message: 'The result is too large' },
      };
    }
    return { id: request.id, type: 'result', result, rss: rss() };
  } catch (error) {
    const failure =
      error instanceof IsolateFailure
        ? error.failure
        : {
            code: 'SANDBOX_CRASHED' as const,
            message: error instanceof Error ? error.message : String(error),
          };
    return { id: request.id, type: 'failure', error: failure, rss: rss() };
  }
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  while (queue.length > 0) {
    const request = queue.shift() as ChildRequest;
    send(await handle(request));
  }
  running = false;
}

process.on('message', (message: ChildInbound) => {
  if (Array.isArray(message)) queue.push(...message);
  else queue.push(message);
  void drain();
});
// The parent went away: nothing left to serve.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', rss: process.memoryUsage.rss() });
