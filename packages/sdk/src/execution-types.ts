import type { ErrorData } from './errors.js';
import type { Item, JsonValue, OutputItems } from './items.js';
import type { LogLevel } from './contracts.js';

/** Lifecycle of one execution. `waiting`: paused by a Wait node, resumes at `waitUntil`. */
export type ExecutionStatus = 'queued' | 'running' | 'waiting' | 'success' | 'error' | 'canceled' | 'crashed';

export const FINISHED_EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'success',
  'error',
  'canceled',
  'crashed',
];

export interface LogLine {
  level: LogLevel;
  message: string;
  at: string;
}

/** One run of one node inside an execution (a node in a loop runs several times: runIndex). */
export interface StepRecord {
  executionId: string;
  nodeId: string;
  nodeName: string;
  runIndex: number;
  status: 'running' | 'success' | 'error' | 'waiting';
  startedAt: string;
  finishedAt?: string;
  /** items per input index */
  input?: Item[][];
  /** items per output name */
  output?: OutputItems;
  /** the node's per-execution scratch state after this run (loops) */
  runState?: JsonValue;
  logs?: LogLine[];
  error?: ErrorData;
  /** output came from pinned data, the node did not run */
  pinned?: boolean;
  /** input/output were cut to the execution data cap: viewable, not replayable */
  truncated?: boolean;
  /** for status `waiting`: when the node resumes */
  waitUntil?: string;
}

/**
 * JSON text of a step's `input` / `output` when the caller already produced it (the engine does,
 * to measure the data cap): a journal may store it instead of serializing the items again.
 */
export interface StepJson {
  /** input and output may hold references to stored outputs (see step-list-refs.ts) */
  input?: string;
  output?: string;
}

/** Where the engine records node runs as they happen. `@shopwire/db` implements it on SQL. */
export interface ExecutionJournal {
  stepStarted(step: StepRecord, json?: StepJson): Promise<void>;
  stepFinished(step: StepRecord, json?: StepJson): Promise<void>;
}
