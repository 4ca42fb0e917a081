import { ChurnMap } from '@shopwire/sdk';
import type { ExecutionEvent, ExecutionEvents, SubscribeOptions } from './types.js';

type Listener = (event: ExecutionEvent) => void;

/**
 * In-process fan-out of execution progress. Every event is delivered to listeners of its
 * executionId, its workflowId and '*'; `step` events only to those that asked for steps. A throwing
 * listener never breaks the publisher.
 */
export function createInMemoryEvents(): ExecutionEvents & {
  /** listeners that asked for step events, in all */
  stepListenerCount(): number;
} {
  /** every listener, by key (one key per execution waited for: see ChurnMap for why not a Map) */
  const all = new ChurnMap<string, Set<Listener>>();
  /** the listeners that asked for step events too, by key */
  const withSteps = new ChurnMap<string, Set<Listener>>();
  let stepListeners = 0;

  function deliver(map: ChurnMap<string, Set<Listener>>, key: string, event: ExecutionEvent): void {
    const set = map.get(key);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch {
        // a listener's bug must not stop the execution that publishes
      }
    }
  }

  function add(map: ChurnMap<string, Set<Listener>>, key: string, listener: Listener): () => void {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    set.add(listener);
    return () => {
      const current = map.get(key);
      if (!current?.delete(listener)) return;
      if (current.size === 0) map.delete(key);
    };
  }

  return {
    publish(event) {
      const map = event.type === 'step' ? withSteps : all;
      if (map.size === 0) return;
      deliver(map, event.executionId, event);
      deliver(map, event.workflowId, event);
      deliver(map, '*', event);
    },
    subscribe(key, listener, options?: SubscribeOptions) {
      const removeFromAll = add(all, key, listener);
      if (options?.steps !== true) return removeFromAll;
      const removeFromSteps = add(withSteps, key, listener);
      stepListeners += 1;
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        stepListeners -= 1;
        removeFromAll();
        removeFromSteps();
      };
    },
    stepListenerCount: () => stepListeners,
  };
}
