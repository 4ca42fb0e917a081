import { useEffect, useRef } from 'react';
import { addNavigationGuard } from '../router.js';

/**
 * Unsaved changes are never lost silently: the browser prompts on reload/close, and in-app
 * navigation (links, the shell's sidebar, `navigate()`) goes through the router's guard, which
 * vetoes it and asks first (`confirmLeave(go)`; `go` navigates once the user agreed).
 */
export function useLeaveGuard(
  isDirty: () => boolean,
  confirmLeave: (go: () => void) => void,
  navigate: (path: string) => void,
): void {
  const state = useRef({ isDirty, confirmLeave, navigate, leaving: false });
  // read live (not from the last render): a save marks the document clean right before navigating
  state.current = { ...state.current, isDirty, confirmLeave, navigate };
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!state.current.isDirty()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const removeGuard = addNavigationGuard((to) => {
      const s = state.current;
      if (s.leaving || !s.isDirty()) return true;
      s.confirmLeave(() => {
        s.leaving = true;
        try {
          s.navigate(to);
        } finally {
          s.leaving = false;
        }
      });
      return false;
    });
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      removeGuard();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
}
