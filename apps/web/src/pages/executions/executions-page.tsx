import { useMemo, useState } from 'react';
import { api, errorMessage, type Execution } from '../../api/client.js';
import {
  executionDuration,
  formatDateTime,
  formatDuration,
  formatShortDateTime,
  relativeTime,
} from '../../lib/format.js';
import { useAsync } from '../../lib/use-async.js';
import { useCursorPages } from '../../lib/use-cursor-pages.js';
import { Link, navigate, useLocation, useTitle } from '../../router.js';
import { Button } from '../../ui/button.js';
import { DateRangeFields } from '../../ui/date-range-fields.js';
import { EmptyState } from '../../ui/empty-state.js';
import { SelectField } from '../../ui/select.js';
import { SkeletonRows } from '../../ui/spinner.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { useToast } from '../../ui/toast.js';
import { PlayIcon } from '../../ui/icons.js';
import {
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
  STATUS_OPTIONS,
  type ExecutionFilters,
} from './execution-filters.js';

const PAGE_SIZE = 50;
const RETRYABLE = new Set(['error', 'canceled', 'crashed']);

export function ExecutionsPage() {
  useTitle('Executions');
  const toast = useToast();
  const location = useLocation();
  const filters = filtersFromSearch(location.search);
  const filterKey = filtersToSearch(filters);
  const [retrying, setRetrying] = useState<string>();

  const workflows = useAsync(() => api.workflows.list(), []);
  const names = useMemo(
    () => new Map((workflows.data?.items ?? []).map((w) => [w.id, w.name] as const)),
    [workflows.data],
  );
  const first = useAsync(
    () => api.executions.list({ ...filtersToQuery(filters), limit: PAGE_SIZE }),
    [filterKey],
  );
  const { pages, setPages, loadMore, loadingMore } = useCursorPages(
    first.data,
    (cursor) => api.executions.list({ ...filtersToQuery(filters), limit: PAGE_SIZE, cursor }),
    'executions',
  );

  const setFilter = (patch: Partial<ExecutionFilters>) =>
    navigate(`/executions${filtersToSearch({ ...filters, ...patch })}`, { replace: true });

  const retry = async (execution: Execution) => {
    setRetrying(execution.id);
    try {
      const created = await api.executions.retry(execution.id);
      toast.success('Retry started.');
      setPages((p) => p && { ...p, items: [created, ...p.items] });
    } catch (e) {
      toast.error(`Could not retry: ${errorMessage(e)}`);
    } finally {
      setRetrying(undefined);
    }
  };

  const items = pages?.items ?? [];
  const firstLoad = first.loading && !pages;
  const filtered = filterKey !== '';
  const workflowOptions = [
    { value: '', label: 'All workflows' },
    ...(workflows.data?.items ?? []).map((w) => ({ value: w.id, label: w.name })),
  ];

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Executions</h1>
          <p className="muted">Every run of every workflow, newest first.</p>
        </div>
        <div className="page-actions">
          <Button onClick={() => void first.reload()} loading={first.loading && !!pages}>
            Refresh
          </Button>
        </div>
      </header>

      <div className="toolbar" role="search" aria-label="Filter executions">
        <SelectField
          label="Workflow"
          className="toolbar-filter"
          options={workflowOptions}
          value={filters.workflowId}
          onChange={(e) => setFilter({ workflowId: e.target.value })}
        />
        <SelectField
          label="Status"
          className="toolbar-filter-sm"
          options={STATUS_OPTIONS}
          value={filters.status}
          onChange={(e) => setFilter({ status: e.target.value as ExecutionFilters['status'] })}
        />
        <DateRangeFields from={filters.from} to={filters.to} onChange={setFilter} />
        {filtered && (
          <Button
            variant="ghost"
            className="toolbar-clear"
            onClick={() => navigate('/executions', { replace: true })}
          >
            Clear filters
          </Button>
        )}
      </div>

      <div className="card">
        {!firstLoad && !first.error && items.length === 0 ? (
          <EmptyState
            icon={<PlayIcon size={24} />}
            title={filtered ? 'No executions match these filters' : 'No executions yet'}
          >
            {filtered
              ? 'Try another status or a wider date range.'
              : 'Executions appear here when a workflow runs: from a trigger, a schedule, or “Run” in the editor.'}
          </EmptyState>
        ) : (
          <table className="table table-clickable" aria-label="Executions" aria-busy={first.loading}>
            <colgroup>
              <col style={{ width: 144 }} />
              <col />
              <col style={{ width: 190 }} />
              <col style={{ width: 110 }} />
              <col style={{ width: 110 }} />
              <col style={{ width: 96 }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Workflow</th>
                <th scope="col">Started</th>
                <th scope="col">Duration</th>
                <th scope="col">Mode</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {firstLoad && <SkeletonRows columns={6} rows={6} />}
              {items.map((e) => (
                <tr key={e.id} onClick={() => navigate(`/executions/${e.id}`)}>
                  <td>
                    <StatusBadge status={e.status} />
                  </td>
                  <td className="cell-name">
                    <Link
                      to={`/executions/${e.id}`}
                      className="row-title"
                      aria-label={`Execution ${e.id} of ${names.get(e.workflowId) ?? e.workflowId}`}
                      onClick={(ev) => ev.stopPropagation()}
                    >
                      {names.get(e.workflowId) ?? <span className="muted">Deleted workflow</span>}
                    </Link>
                    <span className="row-subtitle mono">
                      {e.id}
                      {e.error ? ` · ${e.error.message}` : ''}
                    </span>
                  </td>
                  <td title={formatDateTime(e.startedAt ?? e.createdAt)}>
                    {formatShortDateTime(e.startedAt ?? e.createdAt)}
                    <span className="row-subtitle">{relativeTime(e.startedAt ?? e.createdAt)}</span>
                  </td>
                  <td>{formatDuration(executionDuration(e))}</td>
                  <td>
                    <span className="mode">{e.mode}</span>
                  </td>
                  <td className="cell-actions" onClick={(ev) => ev.stopPropagation()}>
                    {RETRYABLE.has(e.status) && (
                      <Button
                        size="sm"
                        loading={retrying === e.id}
                        aria-label={`Retry execution ${e.id}`}
                        onClick={() => void retry(e)}
                      >
                        Retry
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {first.error && (
          <p className="table-message alert alert-error" role="alert">
            Could not load executions: {first.error}
          </p>
        )}
      </div>
      {pages?.nextCursor && (
        <div className="load-more">
          <Button onClick={() => void loadMore()} loading={loadingMore}>
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}
