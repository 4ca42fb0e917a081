import { useEffect, useRef } from 'react';

/**
 * Unsaved changes are never lost silently: the browser prompts on reload/close, and in-app links
 * ask first (`confirmLeave` resolves true to go on).
 */
export function useLeaveGuard(dirty: boolean, confirmLeave: (go: () => void) => void, navigate: (path: string) => void): void {
  const state = useRef({ dirty, confirmLeave, navigate });
  state.current = { dirty, confirmLeave, navigate };
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!state.current.dirty) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (!state.current.dirty || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey) return;
      const a = (e.target as HTMLElement | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!a || a.target === '_blank') return;
      const url = new URL(a.href, location.href);
      if (url.origin !== location.origin || url.pathname === location.pathname) return;
      e.preventDefault();
      e.stopPropagation();
      state.current.confirmLeave(() => state.current.navigate(url.pathname + url.search));
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, []);
}
