import { useEffect, useRef } from 'react';
import type { StepRecord } from '@shopwire/sdk';
import type { EditorApi } from '../api.js';
import type { RunStore } from './run-store.js';

type LiveEvent =
  | { type: 'started'; executionId: string }
  | { type: 'step'; executionId: string; step: StepRecord }
  | {
      type: 'finished';
      executionId: string;
      outcome: { status: string; error?: { code: string; message: string } };
    }
  | { type: 'response'; executionId: string };

/**
 * Subscribes to the workflow's execution events (SSE) while the editor is open. Events can arrive
 * before POST /run answers with the execution id, so they are buffered per execution.
 */
export function useLiveEvents(options: {
  api: EditorApi;
  workflowId: string | undefined;
  run: RunStore;
  onFinished(executionId: string): void;
}): void {
  const { api, workflowId, run } = options;
  const onFinished = useRef(options.onFinished);
  onFinished.current = options.onFinished;

  useEffect(() => {
    if (!workflowId) return;
    const buffer = new Map<string, LiveEvent[]>();
    const source = new EventSource(api.eventsUrl('workflows', workflowId), { withCredentials: true });

    const apply = (event: LiveEvent) => {
      if (event.type === 'step') run.step(event.step);
      else if (event.type === 'started') run.set({ status: 'running' });
      else if (event.type === 'finished') {
        run.set({ status: event.outcome.status as never, error: event.outcome.error as never });
        onFinished.current(event.executionId);
      }
    };
    const handle = (raw: MessageEvent<string>) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(raw.data) as LiveEvent;
      } catch {
        return;
      }
      const state = run.get();
      if (state.status === 'listening' && event.type === 'started') {
        // a test webhook call arrived: follow that execution
        run.begin('running', event.executionId);
        for (const e of buffer.get(event.executionId) ?? []) apply(e);
        return;
      }
      if (state.executionId === event.executionId) {
        apply(event);
        return;
      }
      const list = buffer.get(event.executionId) ?? [];
      list.push(event);
      buffer.set(event.executionId, list);
      if (buffer.size > 20) buffer.delete(buffer.keys().next().value as string);
    };
    for (const type of ['started', 'step', 'finished', 'response'])
      source.addEventListener(type, handle as EventListener);
    run.replay = (id: string) => {
      for (const e of buffer.get(id) ?? []) apply(e);
      buffer.delete(id);
    };
    return () => source.close();
  }, [api, workflowId, run]);
}
