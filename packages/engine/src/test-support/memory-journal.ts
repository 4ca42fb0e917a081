import type { ExecutionJournal, StepRecord } from '@shopwire/sdk';

/** Keeps every journal call in memory; `steps()` is what a store would hold (latest per node run). */
export class MemoryJournal implements ExecutionJournal {
  readonly events: { kind: 'started' | 'finished'; step: StepRecord }[] = [];

  async stepStarted(step: StepRecord): Promise<void> {
    this.events.push({ kind: 'started', step });
  }

  async stepFinished(step: StepRecord): Promise<void> {
    this.events.push({ kind: 'finished', step });
  }

  steps(executionId?: string): StepRecord[] {
    const latest = new Map<string, StepRecord>();
    for (const { step } of this.events) {
      if (executionId !== undefined && step.executionId !== executionId) continue;
      latest.set(`${step.executionId}#${step.nodeId}#${step.runIndex}`, step);
    }
    return [...latest.values()];
  }

  finished(nodeId: string): StepRecord[] {
    return this.events.filter((e) => e.kind === 'finished' && e.step.nodeId === nodeId).map((e) => e.step);
  }
}
