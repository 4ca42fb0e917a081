import { useEffect, useRef } from 'react';

/** A small modal dialog (role="dialog", Escape closes, focus moves inside). */
export function Dialog(props: { title: string; onClose(): void; children: React.ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    el?.querySelector<HTMLElement>('input, select, textarea, button:not(.swe-icon-btn)')?.focus();
  }, []);
  return (
    <div className="swe-backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={ref}
        className={`swe-dialog${props.wide ? ' is-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') props.onClose();
        }}
      >
        <header className="swe-dialog-head">
          <h2>{props.title}</h2>
          <button type="button" className="swe-icon-btn" aria-label="Close" onClick={props.onClose}>
            ×
          </button>
        </header>
        <div className="swe-dialog-body">{props.children}</div>
      </div>
    </div>
  );
}

export function ConfirmDialog(props: {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Dialog title={props.title} onClose={props.onCancel}>
      <p>{props.message}</p>
      <div className="swe-dialog-actions">
        <button type="button" className="swe-btn swe-btn-ghost" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={`swe-btn ${props.danger ? 'swe-btn-danger' : 'swe-btn-primary'}`}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
