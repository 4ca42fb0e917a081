import type { Item, Logger, TriggerHookContext } from '@shopwire/sdk';
import type { NodeRegistry } from '@shopwire/registry';
import { findTriggerNodes, parseTriggerParams, type TriggerNode } from './trigger-nodes.js';
import type { ServedWorkflow } from './webhook-target.js';

export interface PollingDeps {
  registry: NodeRegistry;
  logger: Logger;
  context(workflow: ServedWorkflow, trigger: TriggerNode, params: unknown): TriggerHookContext<unknown>;
  /** creates a 'polling' execution with the new items */
  startPoll(workflow: ServedWorkflow, trigger: TriggerNode, items: Item[]): Promise<void>;
}

export interface Polling {
  sync(workflows: ServedWorkflow[]): void;
  stop(): void;
}

/** Timers for polling triggers of active workflows. A failing poll is logged and tried again next time. */
export function createPolling(deps: PollingDeps): Polling {
  const timers = new Map<string, { version: number; timer: NodeJS.Timeout }>();
  let stopped = false;

  function start(workflow: ServedWorkflow, trigger: TriggerNode): NodeJS.Timeout | undefined {
    if (trigger.spec.type !== 'polling') return undefined;
    const spec = trigger.spec;
    const params = parseTriggerParams(trigger);
    const interval = Math.max(1000, spec.intervalMs(params));
    let busy = false;
    const timer = setInterval(() => {
      if (busy || stopped) return; // never overlap polls of one trigger
      busy = true;
      void (async () => {
        try {
          const items = await spec.poll(deps.context(workflow, trigger, params));
          if (items.length > 0 && !stopped) await deps.startPoll(workflow, trigger, items);
        } catch (error) {
          deps.logger.warn('poll failed', {
            workflowId: workflow.workflowId,
            nodeId: trigger.node.id,
            error: (error as Error).message,
          });
        } finally {
          busy = false;
        }
      })();
    }, interval);
    timer.unref();
    return timer;
  }

  return {
    sync(workflows) {
      if (stopped) return;
      const wanted = new Map<string, { workflow: ServedWorkflow; trigger: TriggerNode }>();
      for (const workflow of workflows) {
        for (const trigger of findTriggerNodes(workflow.document, deps.registry, ['polling'])) {
          wanted.set(`${workflow.workflowId}:${trigger.node.id}`, { workflow, trigger });
        }
      }
      for (const [key, entry] of timers) {
        const want = wanted.get(key);
        if (!want || want.workflow.version !== entry.version) {
          clearInterval(entry.timer);
          timers.delete(key);
        }
      }
      for (const [key, { workflow, trigger }] of wanted) {
        if (timers.has(key)) continue;
        try {
          const timer = start(workflow, trigger);
          if (timer) timers.set(key, { version: workflow.version, timer });
        } catch (error) {
          deps.logger.error('could not start polling', {
            workflowId: workflow.workflowId,
            error: (error as Error).message,
          });
        }
      }
    },
    stop() {
      stopped = true;
      for (const { timer } of timers.values()) clearInterval(timer);
      timers.clear();
    },
  };
}
