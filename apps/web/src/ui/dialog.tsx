import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { Button } from './button.js';

/**
 * A modal on the native <dialog> (focus trap, Escape and the top layer for free). `onSubmit` makes
 * the body a form, so Enter submits it.
 */
export function Dialog({
  open,
  title,
  description,
  onClose,
  onSubmit,
  children,
  footer,
  width = 480,
  role,
}: {
  open: boolean;
  title: string;
  description?: ReactNode;
  onClose(): void;
  onSubmit?(event: FormEvent<HTMLFormElement>): void;
  children?: ReactNode;
  footer?: ReactNode;
  width?: number;
  role?: 'dialog' | 'alertdialog';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  if (!open) return null;
  const body = (
    <>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        {description && (
          <div id={descId} className="dialog-description">
            {description}
          </div>
        )}
      </header>
      {children && <div className="dialog-body">{children}</div>}
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </>
  );
  return (
    <dialog
      ref={ref}
      className="dialog"
      role={role}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      style={{ width }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // a click on the backdrop (the dialog element itself, outside its content) closes it
        if (event.target === ref.current) onClose();
      }}
    >
      {onSubmit ? (
        <form
          className="dialog-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(event);
          }}
        >
          {body}
        </form>
      ) : (
        <div className="dialog-form">{body}</div>
      )}
    </dialog>
  );
}

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  danger?: boolean;
}

type ConfirmFn = (options: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<ConfirmFn | null>(null);

/** `const confirm = useConfirm(); if (await confirm({...})) ...` */
export function useConfirm(): ConfirmFn {
  const fn = useContext(ConfirmContext);
  if (!fn) throw new Error('useConfirm outside <ConfirmProvider>');
  return fn;
}

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<(ConfirmOptions & { resolve(ok: boolean): void }) | null>(null);
  const confirm = useCallback<ConfirmFn>(
    (options) => new Promise<boolean>((resolve) => setState({ ...options, resolve })),
    [],
  );
  const finish = (ok: boolean) => {
    state?.resolve(ok);
    setState(null);
  };
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <Dialog
        open={state !== null}
        role="alertdialog"
        title={state?.title ?? ''}
        description={state?.message}
        onClose={() => finish(false)}
        onSubmit={() => finish(true)}
        width={420}
        footer={
          <>
            <Button onClick={() => finish(false)}>Cancel</Button>
            <Button type="submit" variant={state?.danger ? 'danger' : 'primary'} autoFocus>
              {state?.confirmLabel ?? 'Confirm'}
            </Button>
          </>
        }
      />
    </ConfirmContext.Provider>
  );
}
