import type { Workflow } from '@shopwire/sdk';

/**
 * The workflow document being edited, with undo/redo as a history of immutable snapshots.
 * A tiny external store (subscribe + getSnapshot) so components select only what they need and
 * a keystroke in one node's form re-renders that node, not all 500.
 */

const HISTORY_LIMIT = 100;

export interface DocState {
  doc: Workflow;
  /** the document as last saved (dirty = doc !== saved) */
  saved: Workflow;
  canUndo: boolean;
  canRedo: boolean;
}

export class DocStore {
  private state: DocState;
  private past: Workflow[] = [];
  private future: Workflow[] = [];
  private listeners = new Set<() => void>();
  /** coalesces rapid edits of one field (typing) into one history entry */
  private lastTag: string | undefined;
  private lastTagAt = 0;

  constructor(doc: Workflow) {
    this.state = { doc, saved: doc, canUndo: false, canRedo: false };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): DocState => this.state;
  get doc(): Workflow {
    return this.state.doc;
  }

  private emit(next: Partial<DocState>): void {
    this.state = {
      ...this.state,
      ...next,
      canUndo: this.past.length > 0,
      canRedo: this.future.length > 0,
    };
    for (const l of this.listeners) l();
  }

  /**
   * Applies a change. `tag` groups consecutive edits of the same thing within 1 s into one undo
   * step; `history: false` changes without a new undo step (drag in progress).
   */
  update(fn: (doc: Workflow) => Workflow, options: { tag?: string; history?: boolean } = {}): void {
    const prev = this.state.doc;
    const next = fn(prev);
    if (next === prev) return;
    const now = Date.now();
    const coalesce = options.tag !== undefined && options.tag === this.lastTag && now - this.lastTagAt < 1000;
    if (options.history !== false && !coalesce) {
      this.past.push(prev);
      if (this.past.length > HISTORY_LIMIT) this.past.shift();
    }
    if (options.history !== false) this.future = [];
    this.lastTag = options.tag;
    this.lastTagAt = now;
    this.emit({ doc: next });
  }

  /** records the current document as an undo step before a transient change (drag start) */
  checkpoint(): void {
    this.past.push(this.state.doc);
    if (this.past.length > HISTORY_LIMIT) this.past.shift();
    this.future = [];
    this.lastTag = undefined;
    this.emit({});
  }

  undo(): void {
    const prev = this.past.pop();
    if (!prev) return;
    this.future.push(this.state.doc);
    this.lastTag = undefined;
    this.emit({ doc: prev });
  }

  redo(): void {
    const next = this.future.pop();
    if (!next) return;
    this.past.push(this.state.doc);
    this.lastTag = undefined;
    this.emit({ doc: next });
  }

  /** after load or save: the current (or given) document is the clean one */
  markSaved(doc?: Workflow): void {
    this.emit(doc ? { doc, saved: doc } : { saved: this.state.doc });
  }

  /** replaces everything (load another workflow, restore a version) */
  reset(doc: Workflow): void {
    this.past = [];
    this.future = [];
    this.lastTag = undefined;
    this.emit({ doc, saved: doc });
  }
}
