import type { ExecutionEvent, ExecutionEvents } from './types.js';

/**
 * In-process fan-out of execution progress. Every event is delivered to listeners of its
 * executionId, its workflowId and '*'. A throwing listener never breaks the publisher.
 */
export function createInMemoryEvents(): ExecutionEvents {
  const listeners = new Map<string, Set<(event: ExecutionEvent) => void>>();

  function deliver(key: string, event: ExecutionEvent): void {
    const set = listeners.get(key);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch {
        // a listener's bug must not stop the execution that publishes
      }
    }
  }

  return {
    publish(event) {
      if (listeners.size === 0) return;
      deliver(event.executionId, event);
      deliver(event.workflowId, event);
      deliver('*', event);
    },
    subscribe(key, listener) {
      let set = listeners.get(key);
      if (!set) {
        set = new Set();
        listeners.set(key, set);
      }
      set.add(listener);
      return () => {
        const current = listeners.get(key);
        if (!current) return;
        current.delete(listener);
        if (current.size === 0) listeners.delete(key);
      };
    },
  };
}
