import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  save(): void;
  test(): void;
  undo(): void;
  redo(): void;
  deleteSelection(): void;
  selectAll(): void;
  fit(): void;
  addNode(): void;
  help(): void;
  copy(): string | undefined;
  paste(text: string): void;
}

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return (
    el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    !!el.closest?.('.cm-editor')
  );
}

const CLIPBOARD_KEY = 'shopwire:clipboard';

/** Editor keyboard shortcuts and clipboard (copy/paste events carry workflow JSON). */
export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const h = useRef(handlers);
  h.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 's') {
        e.preventDefault();
        h.current.save();
        return;
      }
      if (typingIn(e.target) || document.querySelector('.swe-backdrop')) return;
      if (mod && key === 'enter') h.current.test();
      else if (mod && key === 'z' && e.shiftKey) h.current.redo();
      else if (mod && (key === 'z' || key === 'y')) (key === 'y' ? h.current.redo : h.current.undo)();
      else if (mod && key === 'a') h.current.selectAll();
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) h.current.deleteSelection();
      else if (!mod && e.key === '1') h.current.fit();
      else if (!mod && e.key === 'Tab') h.current.addNode();
      else if (!mod && e.key === '?') h.current.help();
      else return;
      e.preventDefault();
    };
    const onCopy = (e: ClipboardEvent) => {
      if (typingIn(e.target) || window.getSelection()?.toString()) return;
      const text = h.current.copy();
      if (!text) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', text);
      try {
        localStorage.setItem(CLIPBOARD_KEY, text);
      } catch {
        /* storage full or disabled: the system clipboard still has it */
      }
    };
    const onPaste = (e: ClipboardEvent) => {
      if (typingIn(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') || localStorage.getItem(CLIPBOARD_KEY) || '';
      if (!text) return;
      e.preventDefault();
      h.current.paste(text);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [enabled]);
}
