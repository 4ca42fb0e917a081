import {
  ValidationError,
  type ErrorData,
  type ExecutionMode,
  type ExecutionStatus,
  type StepRecord,
} from '@shopwire/sdk';
import type { ExecutionRow, StepRow } from '../schema.js';
import type { ExecutionRecord } from '../store-types.js';
import { CorruptRowError, parseJsonColumn } from '../json-column.js';

/** Row → record. A corrupt `error` column becomes a CORRUPT_ROW error on that row, never a throw. */
export function toExecution(row: ExecutionRow): ExecutionRecord {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    workflowVersion: Number(row.workflow_version),
    projectId: row.project_id,
    status: row.status as ExecutionStatus,
    mode: row.mode as ExecutionMode,
    startNodeId: row.start_node_id,
    destinationNodeId: row.destination_node_id,
    retryOf: row.retry_of,
    parentExecutionId: row.parent_execution_id,
    error: readError(row.error, 'executions', row.id) ?? null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    waitUntil: row.wait_until,
    responseMode: row.response_mode,
    dataBytes: Number(row.data_bytes),
    truncated: Number(row.truncated) === 1,
    claimedBy: row.claimed_by,
  };
}

function readError(text: string | null, table: string, id: string): ErrorData | undefined {
  try {
    return parseJsonColumn<ErrorData>(text, { table, id, column: 'error' });
  } catch (error) {
    return (error as CorruptRowError).toData();
  }
}

/**
 * Row → step. A payload column that cannot be parsed is left out, the step is marked truncated
 * (viewable, not replayable) and its `error` says which column is broken.
 */
export function toStep(row: StepRow): StepRecord {
  const where = (column: string) => ({
    table: 'execution_steps',
    id: `${row.execution_id}/${row.node_id}#${row.run_index}`,
    column,
  });
  const step: StepRecord = {
    executionId: row.execution_id,
    nodeId: row.node_id,
    nodeName: row.node_name,
    runIndex: Number(row.run_index),
    status: row.status as StepRecord['status'],
    startedAt: row.started_at,
  };
  if (row.finished_at !== null) step.finishedAt = row.finished_at;
  if (row.wait_until !== null) step.waitUntil = row.wait_until;
  if (Number(row.pinned) === 1) step.pinned = true;
  if (Number(row.truncated) === 1) step.truncated = true;
  let corrupt: CorruptRowError | undefined;
  const read = <T>(text: string | null, column: string): T | undefined => {
    try {
      return parseJsonColumn<T>(text, where(column));
    } catch (error) {
      corrupt ??= error as CorruptRowError;
      return undefined;
    }
  };
  const input = read<StepRecord['input']>(row.input, 'input');
  const output = read<StepRecord['output']>(row.output, 'output');
  const runState = read<StepRecord['runState']>(row.run_state, 'run_state');
  const logs = read<StepRecord['logs']>(row.logs, 'logs');
  const error = read<StepRecord['error']>(row.error, 'error');
  if (input !== undefined) step.input = input;
  if (output !== undefined) step.output = output;
  if (runState !== undefined) step.runState = runState;
  if (logs !== undefined) step.logs = logs;
  if (error !== undefined) step.error = error;
  if (corrupt) {
    step.error = corrupt.toData();
    step.truncated = true;
  }
  return step;
}

/** Opaque cursor over (created_at, id) descending. */
export function encodeCursor(row: { createdAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new ValidationError('cursor', 'is not a cursor returned by a previous page');
}
