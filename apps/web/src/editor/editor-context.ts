import { createContext, useContext, useSyncExternalStore } from 'react';
import type { EditorApi } from './api.js';
import type { DocStore } from './state/doc-store.js';
import type { TypeLookup } from './state/doc-ops.js';
import type { FieldErrorStore } from './state/field-errors.js';
import type { NodeRunInfo, RunStore } from './run/run-store.js';

/** Stable services and actions shared by canvas nodes and panels (never changes identity). */
export interface EditorContextValue {
  api: EditorApi;
  store: DocStore;
  run: RunStore;
  errors: FieldErrorStore;
  lookup: TypeLookup;
  readOnly: boolean;
  openPalette(from?: { node: string; output: string }): void;
  openPanel(nodeId: string): void;
  toast(message: string, kind?: 'info' | 'error' | 'success'): void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('useEditor outside the editor');
  return ctx;
}

export function useNodeRun(nodeId: string): NodeRunInfo | undefined {
  const { run } = useEditor();
  return useSyncExternalStore(run.subscribe, () => run.get().byNode.get(nodeId));
}

export function useDocState() {
  const { store } = useEditor();
  return useSyncExternalStore(store.subscribe, store.get);
}
