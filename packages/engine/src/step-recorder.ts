import type {
  ErrorData,
  Item,
  JsonValue,
  LogLine,
  OutputItems,
  StepRecord,
  WorkflowNode,
} from '@shopwire/sdk';
import { DataBudget, cutInputs, cutOutputs } from './data-cap.js';
import type { EngineDeps, RunRequest } from './types.js';

export interface StepEnd {
  status: 'success' | 'error' | 'waiting';
  output?: OutputItems;
  runState?: JsonValue | undefined;
  logs?: LogLine[];
  error?: ErrorData;
  pinned?: boolean;
  waitUntil?: string;
}

/**
 * Writes node runs to the journal (awaited, so a step is durable before its dependents start) and
 * to `onStep`, applying the execution's data budget to what is stored.
 */
export class StepRecorder {
  readonly budget: DataBudget;
  constructor(
    private readonly deps: EngineDeps,
    private readonly request: RunRequest,
    maxBytes: number,
  ) {
    this.budget = new DataBudget(maxBytes);
  }

  async started(node: WorkflowNode, runIndex: number, input: Item[][]): Promise<StepRecord> {
    const stored = this.budget.fit(input, cutInputs);
    const step: StepRecord = {
      executionId: this.request.executionId,
      nodeId: node.id,
      nodeName: node.name,
      runIndex,
      status: 'running',
      startedAt: this.deps.clock.now().toISOString(),
      input: stored.data,
      ...(stored.truncated ? { truncated: true } : {}),
    };
    await this.deps.journal.stepStarted(step);
    this.request.onStep?.(step);
    return step;
  }

  async finished(started: StepRecord, end: StepEnd): Promise<StepRecord> {
    const step: StepRecord = {
      ...started,
      status: end.status,
      finishedAt: this.deps.clock.now().toISOString(),
    };
    if (end.output) {
      const stored = this.budget.fit(end.output, cutOutputs);
      step.output = stored.data;
      if (stored.truncated) step.truncated = true;
    }
    if (end.runState !== undefined) step.runState = end.runState;
    if (end.logs && end.logs.length > 0) step.logs = end.logs;
    if (end.error) step.error = end.error;
    if (end.pinned) step.pinned = true;
    if (end.waitUntil !== undefined) step.waitUntil = end.waitUntil;
    await this.deps.journal.stepFinished(step);
    this.request.onStep?.(step);
    return step;
  }

  /** A step reused from another execution (partial run): recorded again under this execution. */
  async copy(prior: StepRecord): Promise<void> {
    const step: StepRecord = { ...prior, executionId: this.request.executionId };
    if (step.input) {
      const stored = this.budget.fit(step.input, cutInputs);
      step.input = stored.data;
      if (stored.truncated) step.truncated = true;
    }
    if (step.output) {
      const stored = this.budget.fit(step.output, cutOutputs);
      step.output = stored.data;
      if (stored.truncated) step.truncated = true;
    }
    await this.deps.journal.stepStarted({ ...step, status: 'running' });
    await this.deps.journal.stepFinished(step);
    this.request.onStep?.(step);
  }
}
