import { useState } from 'react';
import type { Item } from '@shopwire/sdk';
import type { useNodeRun } from '../editor-context.js';
import { DataView } from './data-view.js';
import { EmptyNote } from './empty-note.js';

/** The node panel's Output tab: the last run's items per output, its error and logs, pinning. */
export function OutputTab(props: {
  nodeName: string;
  run: ReturnType<typeof useNodeRun>;
  outputs: Record<string, Item[]>;
  pinned: Item[] | undefined;
  readOnly: boolean;
  onPin(items: Item[] | undefined): void;
}) {
  const { run, outputs, pinned } = props;
  const names = Object.keys(outputs);
  const [which, setWhich] = useState(names[0] ?? 'main');
  const current = outputs[which] ?? outputs[names[0] ?? ''] ?? [];
  const error = run?.step.error;
  return (
    <div>
      {error && (
        <div className="swe-error-box" role="alert">
          <strong>
            {props.nodeName} failed
            {typeof error.itemIndex === 'number' ? ` on item ${error.itemIndex + 1}` : ''}
          </strong>
          <p>{error.message}</p>
          <span className="swe-muted swe-small">{error.code}</span>
        </div>
      )}
      {pinned && (
        <div className="swe-pin-note">
          📌 Output pinned: this node won’t run; it outputs these {pinned.length} item(s).
          {!props.readOnly && (
            <button
              type="button"
              className="swe-btn swe-btn-ghost swe-btn-sm"
              onClick={() => props.onPin(undefined)}
            >
              Unpin
            </button>
          )}
        </div>
      )}
      {!run && !pinned && <EmptyNote text="Run the workflow (or this node) to see its output." />}
      {run && names.length > 1 && (
        <div className="swe-seg" role="tablist" aria-label="Output">
          {names.map((n) => (
            <button
              key={n}
              type="button"
              role="tab"
              aria-selected={which === n}
              className={which === n ? 'is-on' : ''}
              onClick={() => setWhich(n)}
            >
              {n} ({outputs[n]?.length ?? 0})
            </button>
          ))}
        </div>
      )}
      {run && !error && <DataView items={current} label="Output" />}
      {!run && pinned && <DataView items={pinned} label="Output" />}
      {run && !error && !pinned && !props.readOnly && current.length > 0 && (
        <button
          type="button"
          className="swe-btn swe-btn-ghost swe-btn-sm"
          onClick={() => props.onPin(current)}
        >
          📌 Pin this output
        </button>
      )}
      {run?.step.logs && run.step.logs.length > 0 && (
        <details className="swe-logs">
          <summary>Console ({run.step.logs.length})</summary>
          <pre>{run.step.logs.map((l) => `[${l.level}] ${l.message}`).join('\n')}</pre>
        </details>
      )}
    </div>
  );
}
