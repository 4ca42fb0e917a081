import { useCallback, useRef, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { DocStore } from './state/doc-store.js';
import type { TypeLookup } from './state/doc-ops.js';
import { copySelection, parseClipboard, pasteInto } from './state/clipboard.js';
import type { CanvasSelection } from './canvas/canvas.js';
import { canvasRect } from './canvas/canvas-rect.js';
import type { EditorContextValue } from './editor-context.js';

export interface EditorClipboardDeps {
  store: DocStore;
  lookup: TypeLookup;
  selection: RefObject<CanvasSelection>;
  toast: EditorContextValue['toast'];
}

/**
 * Copy and paste of canvas nodes as workflow JSON (use-shortcuts.ts moves the text to and from the
 * clipboard). A paste lands in view and selects what it added.
 */
export function useEditorClipboard({ store, lookup, selection, toast }: EditorClipboardDeps) {
  const flow = useReactFlow();
  const lastPaste = useRef({ text: '', count: 0 });

  /** The selected nodes as clipboard text; undefined when nothing is selected. */
  const copy = useCallback((): string | undefined => {
    const ids = selection.current.nodes;
    if (ids.size === 0) return undefined;
    toast(`Copied ${ids.size} node${ids.size === 1 ? '' : 's'}`, 'info');
    return copySelection(store.doc, ids);
  }, [store, selection, toast]);

  const paste = useCallback(
    (text: string) => {
      const payload = parseClipboard(text);
      if (!payload || payload.nodes.length + (payload.stickyNotes?.length ?? 0) === 0) {
        toast('The clipboard holds no Shopwire nodes', 'info');
        return;
      }
      const unknown = payload.nodes.filter((n) => !lookup(n.type)).map((n) => n.type);
      // land in view: the selection's top-left at the visible canvas centre, staggered on repeats
      const repeat = lastPaste.current.text === text ? lastPaste.current.count + 1 : 0;
      lastPaste.current = { text, count: repeat };
      const el = canvasRect();
      const centre = flow.screenToFlowPosition({
        x: (el?.left ?? 0) + (el?.width ?? 800) / 3,
        y: (el?.top ?? 0) + (el?.height ?? 600) / 3,
      });
      const xs = payload.nodes.map((n) => n.position?.[0] ?? 0);
      const ys = payload.nodes.map((n) => n.position?.[1] ?? 0);
      const offset: [number, number] = [
        Math.round(centre.x - (xs.length ? Math.min(...xs) : 0) + repeat * 40),
        Math.round(centre.y - (ys.length ? Math.min(...ys) : 0) + repeat * 40),
      ];
      let ids: string[] = [];
      store.update((d) => {
        const r = pasteInto(d, payload, offset);
        ids = r.ids;
        return r.doc;
      });
      selection.current.select(ids);
      toast(
        `Pasted ${payload.nodes.length} node${payload.nodes.length === 1 ? '' : 's'}${unknown.length ? ` (unknown types: ${[...new Set(unknown)].join(', ')})` : ''}`,
        'success',
      );
    },
    [store, lookup, selection, toast, flow],
  );

  return { copy, paste };
}
