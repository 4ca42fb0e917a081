import type { WorkflowNode } from '@shopwire/sdk';

/** The node panel's Settings tab: on-error behaviour, retries and notes. */
export function SettingsTab(props: {
  node: WorkflowNode;
  readOnly: boolean;
  patch(fn: (n: WorkflowNode) => WorkflowNode, tag?: string): void;
}) {
  const { node, patch, readOnly } = props;
  return (
    <div className="swe-form">
      <div className="swe-field">
        <label className="swe-label" htmlFor="set-onerror">
          On error
        </label>
        <select
          id="set-onerror"
          className="swe-input"
          disabled={readOnly}
          value={node.onError}
          onChange={(e) => patch((n) => ({ ...n, onError: e.target.value as WorkflowNode['onError'] }))}
        >
          <option value="stop">Stop the workflow</option>
          <option value="continue">Continue (pass items through)</option>
          <option value="output">Send items to an “error” output</option>
        </select>
      </div>
      <div className="swe-field">
        <label className="swe-label" htmlFor="set-retries">
          Tries
        </label>
        <input
          id="set-retries"
          className="swe-input"
          type="number"
          min={1}
          max={10}
          disabled={readOnly}
          value={node.retry?.maxTries ?? 1}
          onChange={(e) => {
            const tries = Math.max(1, Math.min(10, Number(e.target.value) || 1));
            patch((n) => {
              if (tries === 1) {
                const { retry: _r, ...rest } = n;
                return rest as WorkflowNode;
              }
              return {
                ...n,
                retry: {
                  maxTries: tries,
                  waitMs: n.retry?.waitMs ?? 1000,
                  backoff: n.retry?.backoff ?? 'exponential',
                },
              };
            }, `${node.id}:retry`);
          }}
        />
        <p className="swe-help">1 = no retry. Failed tries wait 1 s, then twice as long each time.</p>
      </div>
      <div className="swe-field">
        <label className="swe-label" htmlFor="set-notes">
          Notes
        </label>
        <textarea
          id="set-notes"
          className="swe-input"
          rows={4}
          disabled={readOnly}
          value={node.notes ?? ''}
          onChange={(e) => patch((n) => ({ ...n, notes: e.target.value }), `${node.id}:notes`)}
        />
      </div>
    </div>
  );
}
