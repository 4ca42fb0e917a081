/** Messages between the pool (parent) and a sandbox child process (IPC with V8 serialization). */

export interface ChildOptions {
  memoryMb: number;
  maxOutputChars: number;
}

export type ChildRequest =
  | { id: number; kind: 'expressions'; payload: string; timeoutMs: number }
  | { id: number; kind: 'code'; code: string; payload: string; timeoutMs: number };

/** What the parent writes: one request, or several handed over in the same event-loop turn. */
export type ChildInbound = ChildRequest | ChildRequest[];

export interface ChildFailure {
  code:
    | 'SANDBOX_SYNTAX'
    | 'SANDBOX_RUNTIME'
    | 'SANDBOX_TIMEOUT'
    | 'SANDBOX_MEMORY'
    | 'SANDBOX_CRASHED'
    | 'SANDBOX_OUTPUT';
  message: string;
}

/** `result` is the JSON text produced inside the isolate: `{ ok: true, ... }` or `{ ok: false, error }`. */
export type ChildReply =
  | { id: number; type: 'result'; result: string; rss: number }
  | { id: number; type: 'failure'; error: ChildFailure; rss: number };

export type ChildMessage = ChildReply | { type: 'ready'; rss: number };
