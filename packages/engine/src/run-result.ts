import type { ErrorData, Item, WebhookResponse, WorkflowNode } from '@shopwire/sdk';
import type { RunResult } from './types.js';

/** What an execution run knows when it stops; the outcome is derived from it in one place. */
export interface RunOutcomeState {
  dataBytes: number;
  truncated: boolean;
  lastNode: { nodeId: string; items: Item[] } | undefined;
  response: WebhookResponse | undefined;
  abortReason: 'timeout' | 'cancel' | undefined;
  timeoutMs: number;
  failure: ErrorData | undefined;
  /** waitUntil of every node left waiting */
  waits: readonly string[];
  /** a loop node whose body never settled, if any */
  stuckLoop: WorkflowNode | undefined;
}

/** Precedence: an early error, cancel, timeout, a node failure, waiting, a stuck loop, success. */
export function buildRunResult(state: RunOutcomeState, error?: ErrorData): RunResult {
  const base = {
    dataBytes: state.dataBytes,
    truncated: state.truncated,
    ...(state.lastNode ? { lastNode: state.lastNode } : {}),
    ...(state.response ? { response: state.response } : {}),
  };
  if (error) return { status: 'error', error, ...base };
  if (state.abortReason === 'cancel') return { status: 'canceled', ...base };
  if (state.abortReason === 'timeout') {
    return {
      status: 'error',
      error: { code: 'TIMEOUT', message: `execution timed out after ${state.timeoutMs} ms` },
      ...base,
    };
  }
  if (state.failure) return { status: 'error', error: state.failure, ...base };
  if (state.waits.length > 0) {
    const waitUntil = [...state.waits].sort((a, b) => Date.parse(a) - Date.parse(b))[0];
    return { status: 'waiting', ...(waitUntil !== undefined ? { waitUntil } : {}), ...base };
  }
  const stuck = state.stuckLoop;
  if (stuck) {
    return {
      status: 'error',
      error: {
        code: 'LOOP_STUCK',
        message: `loop "${stuck.name}" cannot continue: its body never settled`,
        nodeId: stuck.id,
        nodeName: stuck.name,
      },
      ...base,
    };
  }
  return { status: 'success', ...base };
}
