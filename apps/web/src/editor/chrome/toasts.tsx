import { useCallback, useRef, useState } from 'react';

export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error' | 'success';
}

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const push = useCallback((message: string, kind: Toast['kind'] = 'info') => {
    const id = next.current++;
    setToasts((t) => [...t.slice(-3), { id, message, kind }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), kind === 'error' ? 7000 : 3500);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  return { toasts, push, dismiss };
}

export function Toasts(props: { toasts: Toast[]; dismiss(id: number): void }) {
  return (
    <div className="swe-toasts" role="status" aria-live="polite">
      {props.toasts.map((t) => (
        <div key={t.id} className={`swe-toast is-${t.kind}`} role={t.kind === 'error' ? 'alert' : undefined}>
          <span>{t.message}</span>
          <button
            type="button"
            className="swe-icon-btn"
            aria-label="Dismiss"
            onClick={() => props.dismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
