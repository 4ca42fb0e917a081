import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { api, errorMessage, type WorkflowRecord, type WorkflowSummary } from '../../api/client.js';
import { useAsync } from '../../lib/use-async.js';
import { useSlashFocus } from '../../lib/use-slash-focus.js';
import { importWorkflowText } from '../../lib/workflow-import.js';
import { navigate, useTitle } from '../../router.js';
import { Button } from '../../ui/button.js';
import { useConfirm } from '../../ui/dialog.js';
import { EmptyState } from '../../ui/empty-state.js';
import { TextField } from '../../ui/input.js';
import { SelectField } from '../../ui/select.js';
import { SkeletonRows } from '../../ui/spinner.js';
import { useToast } from '../../ui/toast.js';
import { ImportDialog } from './import-dialog.js';
import { NewWorkflowDialog } from './new-workflow-dialog.js';
import { duplicateWorkflow, exportWorkflow, renameWorkflow } from './workflow-actions.js';
import { WorkflowRow, type WorkflowRowActions } from './workflow-row.js';
import { BoltIcon } from '../../ui/icons.js';

type SortKey = 'updated' | 'name' | 'lastRun';
const SORTS = [
  { value: 'updated', label: 'Last updated' },
  { value: 'name', label: 'Name' },
  { value: 'lastRun', label: 'Last run' },
];

function sortWorkflows(items: WorkflowSummary[], key: SortKey): WorkflowSummary[] {
  const copy = [...items];
  if (key === 'name') copy.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
  else if (key === 'updated') copy.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  else
    copy.sort((a, b) => (b.lastExecution?.createdAt ?? '').localeCompare(a.lastExecution?.createdAt ?? ''));
  return copy;
}

export function WorkflowsPage() {
  useTitle('Workflows');
  const toast = useToast();
  const confirm = useConfirm();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('updated');
  const [importOpen, setImportOpen] = useState(false);
  const [newOpen, setNewOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);

  // search on the server, debounced so typing doesn't fire a request per key
  useEffect(() => {
    const t = setTimeout(() => setQuery(search.trim()), 200);
    return () => clearTimeout(t);
  }, [search]);

  const list = useAsync(() => api.workflows.list({ search: query || undefined }), [query]);
  const items = useMemo(() => sortWorkflows(list.data?.items ?? [], sort), [list.data, sort]);
  const replace = (next: WorkflowSummary) =>
    list.setData((d) => d && { items: d.items.map((w) => (w.id === next.id ? { ...w, ...next } : w)) });

  const afterImport = (record: WorkflowRecord & { created: boolean }) => {
    setImportOpen(false);
    toast.success(
      record.created ? `Imported “${record.name}”.` : `Updated “${record.name}” from the import.`,
    );
    void list.reload();
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      afterImport(await importWorkflowText(api, await file.text()));
    } catch (e) {
      toast.error(`Could not import ${file.name}: ${errorMessage(e)}`);
    }
  };

  const actions: WorkflowRowActions = {
    async onToggleActive(workflow, active) {
      try {
        const next = active
          ? await api.workflows.activate(workflow.id)
          : await api.workflows.deactivate(workflow.id);
        replace({ ...next, lastExecution: workflow.lastExecution });
        toast.success(`“${workflow.name}” is ${next.active ? 'active' : 'inactive'}.`);
      } catch (e) {
        toast.error(`Could not ${active ? 'activate' : 'deactivate'} “${workflow.name}”: ${errorMessage(e)}`);
      }
    },
    async onRename(workflow, name) {
      try {
        const record = await renameWorkflow(workflow.id, name);
        replace({ ...record, lastExecution: workflow.lastExecution });
        toast.success(`Renamed to “${record.name}”.`);
        return true;
      } catch (e) {
        toast.error(`Could not rename: ${errorMessage(e)}`);
        return false;
      }
    },
    onDuplicate(workflow) {
      void duplicateWorkflow(
        workflow,
        (list.data?.items ?? []).map((w) => w.name),
      ).then(
        (record) => {
          toast.success(`Created “${record.name}”.`);
          void list.reload();
        },
        (e: unknown) => toast.error(`Could not duplicate: ${errorMessage(e)}`),
      );
    },
    onExport(workflow) {
      void exportWorkflow(workflow).catch((e: unknown) =>
        toast.error(`Could not export: ${errorMessage(e)}`),
      );
    },
    onDelete(workflow) {
      void (async () => {
        const ok = await confirm({
          title: `Delete “${workflow.name}”?`,
          message: workflow.active
            ? 'The workflow is active: its triggers stop now. Its past executions are kept. This cannot be undone.'
            : 'The workflow is removed for good. This cannot be undone.',
          confirmLabel: 'Delete workflow',
          danger: true,
        });
        if (!ok) return;
        try {
          await api.workflows.remove(workflow.id);
          list.setData((d) => d && { items: d.items.filter((w) => w.id !== workflow.id) });
          toast.success(`Deleted “${workflow.name}”.`);
        } catch (e) {
          toast.error(`Could not delete: ${errorMessage(e)}`);
        }
      })();
    },
  };

  const firstLoad = list.loading && !list.data;
  const noWorkflowsAtAll = !firstLoad && !list.error && items.length === 0 && !query;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Workflows</h1>
          <p className="muted">Automations that run when something happens in your shop.</p>
        </div>
        <div className="page-actions">
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            aria-label="Workflow JSON file"
            tabIndex={-1}
            onChange={(e) => void onFile(e)}
          />
          <Button onClick={() => fileRef.current?.click()}>Import file</Button>
          <Button onClick={() => setImportOpen(true)}>Paste JSON</Button>
          <Button variant="primary" onClick={() => setNewOpen(true)}>
            Create workflow
          </Button>
        </div>
      </header>

      {noWorkflowsAtAll ? (
        <div className="card">
          <EmptyState
            icon={<BoltIcon size={24} />}
            title="Create your first automation"
            actions={
              <>
                <Button variant="primary" onClick={() => setNewOpen(true)}>
                  Create workflow
                </Button>
                <Button onClick={() => setImportOpen(true)}>Import a template</Button>
              </>
            }
          >
            A workflow starts with a trigger — a new order webhook, a schedule — and passes the data through
            steps that transform it and act on it. Start from scratch, or import a template JSON (for example
            one shared by another shop) and adapt it.
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="toolbar" role="search">
            <TextField
              inputRef={searchRef}
              label="Search workflows"
              hideLabel
              type="search"
              placeholder="Search workflows   ( / )"
              className="toolbar-search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <SelectField
              label="Sort by"
              className="toolbar-sort"
              options={SORTS}
              value={sort}
              onChange={(e) => setSort(e.target.value as SortKey)}
            />
          </div>
          <div className="card">
            <table className="table" aria-label="Workflows" aria-busy={list.loading}>
              <colgroup>
                <col />
                <col style={{ width: 150 }} />
                <col style={{ width: 230 }} />
                <col style={{ width: 130 }} />
                <col style={{ width: 56 }} />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last run</th>
                  <th scope="col">Updated</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {firstLoad && <SkeletonRows columns={5} rows={4} />}
                {items.map((w) => (
                  <WorkflowRow key={w.id} workflow={w} actions={actions} />
                ))}
              </tbody>
            </table>
            {list.error && (
              <p className="table-message alert alert-error" role="alert">
                Could not load workflows: {list.error}
              </p>
            )}
            {!firstLoad && !list.error && items.length === 0 && query && (
              <p className="table-message muted">No workflows match “{query}”.</p>
            )}
          </div>
        </>
      )}

      <ImportDialog open={importOpen} onClose={() => setImportOpen(false)} onImported={afterImport} />
      <NewWorkflowDialog
        open={newOpen}
        onClose={() => setNewOpen(false)}
        onCreated={(record) => {
          setNewOpen(false);
          navigate(`/workflows/${record.id}`);
        }}
      />
    </div>
  );
}
