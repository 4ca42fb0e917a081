import { useState, type KeyboardEvent } from 'react';
import type { WorkflowSummary } from '../../api/client.js';
import { formatDateTime, relativeTime } from '../../lib/format.js';
import { Link, navigate } from '../../router.js';
import { Menu } from '../../ui/menu.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { Switch } from '../../ui/switch.js';
import { MoreIcon } from '../../ui/icons.js';

export interface WorkflowRowActions {
  onToggleActive(workflow: WorkflowSummary, active: boolean): Promise<void>;
  onRename(workflow: WorkflowSummary, name: string): Promise<boolean>;
  onDuplicate(workflow: WorkflowSummary): void;
  onExport(workflow: WorkflowSummary): void;
  onDelete(workflow: WorkflowSummary): void;
}

/** One workflow in the list: link, inline rename, active switch, last run, actions menu. */
export function WorkflowRow({
  workflow,
  actions,
}: {
  workflow: WorkflowSummary;
  actions: WorkflowRowActions;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(workflow.name);
  const [toggling, setToggling] = useState(false);
  const [saving, setSaving] = useState(false);

  const commit = async () => {
    const name = draft.trim();
    if (!name || name === workflow.name) return setEditing(false);
    setSaving(true);
    const ok = await actions.onRename(workflow, name);
    setSaving(false);
    if (ok) setEditing(false);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') void commit();
    if (event.key === 'Escape') {
      setDraft(workflow.name);
      setEditing(false);
    }
  };
  const last = workflow.lastExecution;

  return (
    <tr>
      <td className="cell-name">
        {editing ? (
          <input
            className="input input-inline"
            aria-label={`New name for ${workflow.name}`}
            value={draft}
            maxLength={200}
            disabled={saving}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKey}
            onBlur={() => void commit()}
          />
        ) : (
          <>
            <Link to={`/workflows/${workflow.id}`} className="row-title">
              {workflow.name}
            </Link>
            <span className="row-subtitle">
              {workflow.nodeCount} {workflow.nodeCount === 1 ? 'node' : 'nodes'}
              {workflow.tags.length > 0 && ` · ${workflow.tags.join(', ')}`}
            </span>
          </>
        )}
      </td>
      <td>
        <span className="active-cell">
          <Switch
            checked={workflow.active}
            disabled={toggling}
            label={`Active: ${workflow.name}`}
            onChange={async (next) => {
              setToggling(true);
              await actions.onToggleActive(workflow, next);
              setToggling(false);
            }}
          />
          <span className="muted">{workflow.active ? 'Active' : 'Inactive'}</span>
        </span>
      </td>
      <td>
        {last ? (
          <Link to={`/executions/${last.id}`} className="last-run" title={formatDateTime(last.createdAt)}>
            <StatusBadge status={last.status} />
            <span className="muted">{relativeTime(last.createdAt)}</span>
          </Link>
        ) : (
          <span className="muted">Never run</span>
        )}
      </td>
      <td title={formatDateTime(workflow.updatedAt)}>{relativeTime(workflow.updatedAt)}</td>
      <td className="cell-actions">
        <Menu
          label={`Actions for ${workflow.name}`}
          items={[
            { label: 'Open', onSelect: () => navigate(`/workflows/${workflow.id}`) },
            {
              label: 'Rename',
              onSelect: () => {
                setDraft(workflow.name);
                setEditing(true);
              },
            },
            { label: 'Duplicate', onSelect: () => actions.onDuplicate(workflow) },
            { label: 'Export JSON', onSelect: () => actions.onExport(workflow) },
            { label: 'Delete', danger: true, onSelect: () => actions.onDelete(workflow) },
          ]}
        >
          <MoreIcon />
        </Menu>
      </td>
    </tr>
  );
}
