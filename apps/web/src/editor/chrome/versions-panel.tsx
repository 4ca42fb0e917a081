import { useEffect, useState } from 'react';
import type { EditorApi } from '../api.js';
import type { VersionSummary } from '../types.js';

/** Saved versions of the workflow, newest first, each restorable. */
export function VersionsPanel(props: {
  api: EditorApi;
  workflowId: string;
  current: number;
  onRestore(version: number): void;
  onClose(): void;
}) {
  const [versions, setVersions] = useState<VersionSummary[] | undefined>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    props.api.versions(props.workflowId).then(setVersions, (e: Error) => setError(e.message));
  }, [props.api, props.workflowId, props.current]);
  return (
    <aside className="swe-drawer" role="dialog" aria-label="Versions">
      <header className="swe-drawer-head">
        <h2>Versions</h2>
        <button type="button" className="swe-icon-btn" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      {error && <p className="swe-field-error swe-pad">{error}</p>}
      {!versions && !error && <p className="swe-muted swe-pad">Loading…</p>}
      <ul className="swe-versions" role="list">
        {versions?.map((v) => (
          <li key={v.version} className="swe-version">
            <div>
              <strong>Version {v.version}</strong>
              {v.version === props.current && <span className="swe-chip">current</span>}
              <div className="swe-small">{v.name}</div>
              <div className="swe-muted swe-small">{new Date(v.createdAt).toLocaleString()}</div>
            </div>
            {v.version !== props.current && (
              <button
                type="button"
                className="swe-btn swe-btn-ghost swe-btn-sm"
                aria-label={`Restore version ${v.version}`}
                onClick={() => props.onRestore(v.version)}
              >
                Restore
              </button>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
