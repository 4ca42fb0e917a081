import type { RunState } from '../run/run-store.js';

/** One line under the toolbar: listening for a test call, run progress/result, or the execution being viewed. */
export function RunBanner(props: {
  state: RunState;
  execution: { id: string; status: string; error: { code: string; message: string } | null } | undefined;
  workflowId: string | undefined;
  onRetry(): void;
  onOpenWorkflow(): void;
  onStopListening(): void;
  toast(message: string, kind?: 'info' | 'error' | 'success'): void;
}) {
  const { state, execution } = props;
  if (execution) {
    const failed = ['error', 'crashed', 'canceled'].includes(execution.status);
    return (
      <div className={`swe-banner is-${failed ? 'error' : 'info'}`} role="region" aria-label="Execution">
        <span>
          Viewing execution <code>{execution.id}</code> · <strong>{execution.status}</strong> (read-only)
          {execution.error && <span> — {execution.error.message}</span>}
        </span>
        <span className="swe-banner-actions">
          {failed && (
            <button type="button" className="swe-btn swe-btn-primary swe-btn-sm" onClick={props.onRetry}>
              Retry execution
            </button>
          )}
          {props.workflowId && (
            <button type="button" className="swe-btn swe-btn-ghost swe-btn-sm" onClick={props.onOpenWorkflow}>
              Open workflow
            </button>
          )}
        </span>
      </div>
    );
  }
  if (state.status === 'listening') {
    return (
      <div className="swe-banner is-listen" role="region" aria-label="Listening">
        <span className="swe-spinner" aria-hidden="true" />
        <span>
          <strong>Listening for a test call…</strong> Send a request to{' '}
          <code aria-label="Test URL">{state.listenUrl}</code>
        </span>
        <span className="swe-banner-actions">
          <button
            type="button"
            className="swe-btn swe-btn-ghost swe-btn-sm"
            onClick={() => {
              void navigator.clipboard?.writeText(state.listenUrl ?? '').then(
                () => props.toast('URL copied', 'success'),
                () => props.toast('Copy failed: select the URL instead', 'error'),
              );
            }}
          >
            Copy URL
          </button>
          <button type="button" className="swe-btn swe-btn-ghost swe-btn-sm" onClick={props.onStopListening}>
            Stop listening
          </button>
        </span>
      </div>
    );
  }
  if (state.status === 'starting' || state.status === 'running')
    return (
      <div className="swe-banner is-info" role="region" aria-label="Run status">
        <span className="swe-spinner" aria-hidden="true" /> Running…
      </div>
    );
  if (state.status === 'error' || state.status === 'crashed')
    return (
      <div className="swe-banner is-error" role="region" aria-label="Run status">
        Run failed
        {state.error
          ? `: ${(state.error as { nodeName?: string }).nodeName ? `“${(state.error as { nodeName?: string }).nodeName}” — ` : ''}${state.error.message}`
          : ''}
        . Click the red node to see why.
      </div>
    );
  if (state.status === 'success')
    return (
      <div className="swe-banner is-success" role="region" aria-label="Run status">
        ✓ Run finished. Click a node to see its input and output.
      </div>
    );
  return null;
}
