import { useDocState } from '../editor-context.js';

export interface ToolbarProps {
  readOnly: boolean;
  saving: boolean;
  running: boolean;
  active: boolean | undefined;
  canActivate: boolean;
  version: number | undefined;
  onRename(name: string): void;
  onSave(): void;
  onTest(): void;
  onUndo(): void;
  onRedo(): void;
  onLayout(): void;
  onFit(): void;
  onSticky(): void;
  onAddNode(): void;
  onVersions(): void;
  onHelp(): void;
  onToggleActive(): void;
  onDelete(): void;
}

/** Top bar: name, save state, history, layout and the primary "Test workflow" action. */
export function Toolbar(p: ToolbarProps) {
  const { doc, saved, canUndo, canRedo } = useDocState();
  const dirty = doc !== saved;
  return (
    <div className="swe-toolbar" role="toolbar" aria-label="Workflow">
      <div className="swe-toolbar-left">
        <input
          key={doc.name}
          className="swe-name-input"
          aria-label="Workflow name"
          defaultValue={doc.name}
          disabled={p.readOnly}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
          onBlur={(e) => p.onRename(e.currentTarget.value)}
        />
        {!p.readOnly && (
          <span
            className={`swe-save-state${dirty ? ' is-dirty' : ''}`}
            role="status"
            aria-label={dirty ? 'Unsaved changes' : 'All changes saved'}
          >
            {p.saving
              ? 'Saving…'
              : dirty
                ? '● Unsaved changes'
                : p.version
                  ? `Saved · v${p.version}`
                  : 'Not saved yet'}
          </span>
        )}
      </div>
      {!p.readOnly && (
        <div className="swe-toolbar-right">
          <div className="swe-btn-group">
            <button
              type="button"
              className="swe-tool"
              aria-label="Undo"
              title="Undo (Ctrl+Z)"
              disabled={!canUndo}
              onClick={p.onUndo}
            >
              ↶
            </button>
            <button
              type="button"
              className="swe-tool"
              aria-label="Redo"
              title="Redo (Ctrl+Shift+Z)"
              disabled={!canRedo}
              onClick={p.onRedo}
            >
              ↷
            </button>
          </div>
          <div className="swe-btn-group">
            <button
              type="button"
              className="swe-tool"
              aria-label="Add node"
              title="Add node (Tab)"
              onClick={p.onAddNode}
            >
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <path d="M7 1v12M1 7h12" stroke="currentColor" strokeWidth="1.8" />
              </svg>
            </button>
            <button
              type="button"
              className="swe-tool"
              aria-label="Add sticky note"
              title="Add sticky note"
              onClick={p.onSticky}
            >
              ▤
            </button>
            <button
              type="button"
              className="swe-tool"
              aria-label="Auto-layout"
              title="Tidy up (auto-layout)"
              onClick={p.onLayout}
            >
              ⊞
            </button>
            <button
              type="button"
              className="swe-tool"
              aria-label="Zoom to fit"
              title="Zoom to fit (1)"
              onClick={p.onFit}
            >
              ⤢
            </button>
          </div>
          <div className="swe-btn-group">
            <button
              type="button"
              className="swe-tool"
              aria-label="Versions"
              title="Versions"
              disabled={!p.version}
              onClick={p.onVersions}
            >
              ⟲
            </button>
            <button
              type="button"
              className="swe-tool"
              aria-label="Keyboard shortcuts"
              title="Keyboard shortcuts (?)"
              onClick={p.onHelp}
            >
              ?
            </button>
            <button
              type="button"
              className="swe-tool"
              aria-label="Delete workflow"
              title="Delete workflow"
              disabled={!p.version}
              onClick={p.onDelete}
            >
              <svg
                width="14"
                height="14"
                viewBox="0 0 14 14"
                aria-hidden="true"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.4"
              >
                <path d="M2 3.5h10M5.5 3.5V2h3v1.5M3.5 3.5l.6 8.5h5.8l.6-8.5" />
              </svg>
            </button>
          </div>
          <label
            className="swe-active"
            title={p.canActivate ? 'Active workflows run on their triggers' : 'Save first'}
          >
            <button
              type="button"
              role="switch"
              aria-checked={p.active === true}
              aria-label="Active"
              disabled={!p.canActivate}
              className={`swe-switch${p.active ? ' is-on' : ''}`}
              onClick={p.onToggleActive}
            >
              <span className="swe-switch-knob" />
            </button>
            <span>{p.active ? 'Active' : 'Inactive'}</span>
          </label>
          <button type="button" className="swe-btn swe-btn-ghost" onClick={p.onSave} disabled={p.saving}>
            Save
          </button>
          <button type="button" className="swe-btn swe-btn-primary" onClick={p.onTest} disabled={p.running}>
            {p.running ? 'Running…' : '▶ Test workflow'}
          </button>
        </div>
      )}
    </div>
  );
}
