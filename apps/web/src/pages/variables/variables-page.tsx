import { useMemo, useRef, useState } from 'react';
import { api, errorMessage, type Variable } from '../../api/client.js';
import { useAsync } from '../../lib/use-async.js';
import { useSlashFocus } from '../../lib/use-slash-focus.js';
import { useTitle } from '../../router.js';
import { Button } from '../../ui/button.js';
import { useConfirm } from '../../ui/dialog.js';
import { EmptyState } from '../../ui/empty-state.js';
import { TextField } from '../../ui/input.js';
import { SkeletonRows } from '../../ui/spinner.js';
import { useToast } from '../../ui/toast.js';
import { VariableDialog } from './variable-dialog.js';
import { VariableIcon } from '../../ui/icons.js';

export function VariablesPage() {
  useTitle('Variables');
  const toast = useToast();
  const confirm = useConfirm();
  const list = useAsync(() => api.variables.list(), []);
  const [dialog, setDialog] = useState<{ editing?: Variable } | null>(null);
  const [search, setSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);

  const all = list.data?.items ?? [];
  const items = useMemo(() => {
    const q = search.trim().toLowerCase();
    const sorted = [...all].sort((a, b) => a.key.localeCompare(b.key));
    return q
      ? sorted.filter((v) => v.key.toLowerCase().includes(q) || v.value.toLowerCase().includes(q))
      : sorted;
  }, [all, search]);

  const remove = async (v: Variable) => {
    const ok = await confirm({
      title: `Delete ${v.key}?`,
      message: 'Expressions that use it will get an empty value. This cannot be undone.',
      confirmLabel: 'Delete variable',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.variables.remove(v.key);
      list.setData((d) => d && { items: d.items.filter((x) => x.key !== v.key) });
      toast.success(`Deleted ${v.key}.`);
    } catch (e) {
      toast.error(`Could not delete: ${errorMessage(e)}`);
    }
  };

  const firstLoad = list.loading && !list.data;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Variables</h1>
          <p className="muted">
            Values shared by all workflows, read in expressions as <code>{'{{ $vars.KEY }}'}</code>.
          </p>
        </div>
        <div className="page-actions">
          <Button variant="primary" onClick={() => setDialog({})}>
            Add variable
          </Button>
        </div>
      </header>

      {!firstLoad && !list.error && all.length === 0 ? (
        <div className="card">
          <EmptyState
            icon={<VariableIcon size={24} />}
            title="No variables yet"
            actions={
              <Button variant="primary" onClick={() => setDialog({})}>
                Add variable
              </Button>
            }
          >
            Keep values such as your shop domain or a low-stock threshold in one place, and change them
            without editing every workflow.
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="toolbar" role="search">
            <TextField
              inputRef={searchRef}
              label="Search variables"
              hideLabel
              type="search"
              placeholder="Search variables   ( / )"
              className="toolbar-search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <div className="card">
            <table className="table" aria-label="Variables" aria-busy={list.loading}>
              <colgroup>
                <col style={{ width: '32%' }} />
                <col />
                <col style={{ width: 150 }} />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Value</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {firstLoad && <SkeletonRows columns={3} rows={3} />}
                {items.map((v) => (
                  <tr key={v.id}>
                    <td className="mono cell-ellipsis">{v.key}</td>
                    <td className="mono cell-ellipsis" title={v.value}>
                      {v.value || <span className="muted">(empty)</span>}
                    </td>
                    <td className="cell-actions">
                      <span className="row-buttons">
                        <Button
                          size="sm"
                          aria-label={`Edit ${v.key}`}
                          onClick={() => setDialog({ editing: v })}
                        >
                          Edit
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Delete ${v.key}`}
                          onClick={() => void remove(v)}
                        >
                          Delete
                        </Button>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {list.error && (
              <p className="table-message alert alert-error" role="alert">
                Could not load variables: {list.error}
              </p>
            )}
            {!firstLoad && items.length === 0 && all.length > 0 && (
              <p className="table-message muted">No variables match “{search}”.</p>
            )}
          </div>
        </>
      )}

      {dialog && (
        <VariableDialog
          editing={dialog.editing}
          existingKeys={all.map((v) => v.key)}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            list.setData((d) => ({ items: [...(d?.items ?? []).filter((x) => x.key !== saved.key), saved] }));
            toast.success(`Saved ${saved.key}.`);
          }}
        />
      )}
    </div>
  );
}
