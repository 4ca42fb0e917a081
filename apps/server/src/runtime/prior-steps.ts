import type { Item, StepRecord, Workflow } from '@shopwire/sdk';
import type { ExecutionRecord, Store } from '@shopwire/db';

/**
 * Steps of an earlier execution that a new one reuses: a retry (every successful step) and the
 * editor's partial runs ("run to here" / "run from here" reuse the last run's upstream data).
 * The engine skips a node whose (nodeId, runIndex) already has a successful step.
 */

/** Copies the given steps into another execution's journal (before it is enqueued). */
export async function copySteps(
  store: Store,
  steps: readonly StepRecord[],
  into: ExecutionRecord,
): Promise<void> {
  for (const step of steps) await store.journal.stepFinished({ ...step, executionId: into.id });
}

/** Successful, complete steps: the only ones the engine may reuse. */
export function reusableSteps(steps: readonly StepRecord[]): StepRecord[] {
  return steps.filter((s) => s.status === 'success' && !s.truncated);
}

/** `id` and every node reachable from it. */
export function descendants(document: Workflow, id: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const c of document.connections) next.set(c.from.node, [...(next.get(c.from.node) ?? []), c.to.node]);
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const node = stack.pop() as string;
    if (seen.has(node)) continue;
    seen.add(node);
    stack.push(...(next.get(node) ?? []));
  }
  return seen;
}

export interface PartialRunPlan {
  /** the trigger the new execution starts from (the prior execution's) */
  startNodeId: string;
  startItems: Item[];
  steps: StepRecord[];
}

/**
 * What a partial run reuses from `priorExecutionId`: "from here" (startNodeId) reuses everything
 * except the start node and its descendants; "to here" (destinationNodeId) everything except the
 * destination (and what follows it, which a run "to here" does not reach). Steps of nodes no longer in the document are dropped. Undefined when the prior
 * execution is gone (or belongs to another workflow): then the run is a plain one.
 */
export async function planPartialRun(
  store: Store,
  input: {
    workflowId: string;
    priorExecutionId: string;
    document: Workflow;
    startNodeId?: string;
    destinationNodeId?: string;
  },
): Promise<PartialRunPlan | undefined> {
  const record = await store.executions.get(input.priorExecutionId);
  if (!record || record.workflowId !== input.workflowId) return undefined;
  const [runInput, steps] = await Promise.all([
    store.executions.getRunInput(record.id),
    store.executions.steps(record.id),
  ]);
  if (!runInput || !input.document.nodes.some((n) => n.id === record.startNodeId)) return undefined;
  // only a node downstream of the prior run's trigger can take its data
  const fromTrigger = descendants(input.document, record.startNodeId);
  const target = input.startNodeId ?? input.destinationNodeId;
  if (target !== undefined && (target === record.startNodeId || !fromTrigger.has(target))) return undefined;
  const exists = new Set(input.document.nodes.map((n) => n.id));
  // the target and what follows it run again (steps after a destination would only be stale)
  const rerun = target !== undefined ? descendants(input.document, target) : new Set<string>();
  return {
    startNodeId: record.startNodeId,
    startItems: runInput.startItems,
    steps: reusableSteps(steps).filter((s) => exists.has(s.nodeId) && !rerun.has(s.nodeId)),
  };
}
