import { describe, expect, it } from 'vitest';
import { DocStore } from './doc-store.js';
import { doc, node } from './test-docs.js';

const rename = (name: string) => (d: ReturnType<typeof doc>) => ({ ...d, name });

describe('DocStore undo/redo', () => {
  it('undoes and redoes each change, and a new change clears the redo stack', () => {
    const store = new DocStore(doc([node('a')]));
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.doc.name));
    store.update(rename('one'));
    store.update(rename('two'));
    expect(store.get()).toMatchObject({ canUndo: true, canRedo: false });
    store.undo();
    expect(store.doc.name).toBe('one');
    store.undo();
    expect(store.doc.name).toBe('Test');
    expect(store.get().canUndo).toBe(false);
    store.undo(); // nothing left: no change, no crash
    expect(store.doc.name).toBe('Test');
    store.redo();
    expect(store.doc.name).toBe('one');
    expect(store.get().canRedo).toBe(true);
    store.update(rename('three'));
    expect(store.get().canRedo).toBe(false);
    store.redo();
    expect(store.doc.name).toBe('three');
    expect(seen).toEqual(['one', 'two', 'one', 'Test', 'one', 'three']);
  });

  it('coalesces a burst of edits with the same tag (typing) into one step', () => {
    const store = new DocStore(doc([]));
    for (const name of ['a', 'ab', 'abc']) store.update(rename(name), { tag: 'name' });
    store.update(rename('other'), { tag: 'other' });
    store.undo();
    expect(store.doc.name).toBe('abc');
    store.undo();
    expect(store.doc.name).toBe('Test');
  });

  it('ignores no-op updates and history:false changes; checkpoint records a drag as one step', () => {
    const store = new DocStore(doc([node('a')]));
    store.update((d) => d);
    expect(store.get().canUndo).toBe(false);
    store.checkpoint();
    for (const x of [10, 20, 30])
      store.update(
        (d) => ({ ...d, nodes: d.nodes.map((n) => ({ ...n, position: [x, 0] as [number, number] })) }),
        { history: false },
      );
    expect(store.doc.nodes[0]?.position).toEqual([30, 0]);
    store.undo();
    expect(store.doc.nodes[0]?.position).toEqual([0, 0]);
  });

  it('tracks the saved document (dirty) and reset clears the history', () => {
    const store = new DocStore(doc([]));
    store.update(rename('edited'));
    expect(store.get().doc).not.toBe(store.get().saved);
    store.markSaved();
    expect(store.get().doc).toBe(store.get().saved);
    store.undo();
    expect(store.get().doc).not.toBe(store.get().saved);
    store.reset(doc([node('x')]));
    expect(store.get()).toMatchObject({ canUndo: false, canRedo: false });
    expect(store.doc.nodes.map((n) => n.id)).toEqual(['x']);
  });

  it('keeps at most 100 undo steps', () => {
    const store = new DocStore(doc([]));
    for (let i = 0; i < 150; i++) store.update(rename(`v${i}`));
    let undos = 0;
    while (store.get().canUndo) {
      store.undo();
      undos++;
    }
    expect(undos).toBe(100);
    expect(store.doc.name).toBe('v49');
  });
});
