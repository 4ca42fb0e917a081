import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage, type AuditEntry } from '../../api/client.js';
import { formatDateTime, formatShortDateTime, relativeTime } from '../../lib/format.js';
import { Button } from '../../ui/button.js';
import { useCursorPages } from '../../lib/use-cursor-pages.js';
import { DateRangeFields } from '../../ui/date-range-fields.js';
import { EmptyState } from '../../ui/empty-state.js';
import { TextField } from '../../ui/input.js';
import { SelectField } from '../../ui/select.js';
import { SkeletonRows } from '../../ui/spinner.js';
import {
  actionTone,
  actorText,
  AUDIT_ACTIONS,
  auditQuery,
  isFiltered,
  NO_FILTERS,
  targetText,
  type AuditFilters,
  type TargetNames,
} from './audit-format.js';
import { NoAccess } from './no-access.js';
import { ListIcon } from './settings-icons.js';
import { isForbidden, useLoad } from './use-load.js';

const PAGE_SIZE = 50;
const ACTION_OPTIONS = [
  { value: '', label: 'Any action' },
  ...AUDIT_ACTIONS.map((a) => ({ value: a, label: a })),
];

/** The audit log, newest first: filters, "Load more" with the server's cursor. Owners and admins. */
export function AuditTab() {
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  // the actor box filters as you type, after a short pause (one request per word, not per key)
  const [actorInput, setActorInput] = useState('');
  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((f) => (f.actor === actorInput ? f : { ...f, actor: actorInput })),
      350,
    );
    return () => clearTimeout(timer);
  }, [actorInput]);

  const key = JSON.stringify(filters);
  const first = useLoad(() => api.audit({ ...auditQuery(filters), limit: PAGE_SIZE }), [key]);
  const { pages, loadMore, loadingMore } = useCursorPages<AuditEntry>(
    first.data,
    (cursor) => api.audit({ ...auditQuery(filters), limit: PAGE_SIZE, cursor }),
    'entries',
  );
  const names = useTargetNames();

  if (isForbidden(first.error))
    return (
      <NoAccess title="Only owners and admins can read the audit log">
        The audit log records sign-ins, user and role changes, credential use and workflow changes. Ask an
        owner or admin of this Shopwire if you need an entry from it.
      </NoAccess>
    );

  const items = pages?.items ?? [];
  const firstLoad = first.loading && !pages;
  const filtered = isFiltered(filters) || actorInput !== '';
  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <div className="toolbar" role="search" aria-label="Filter the audit log">
        <TextField
          label="Actor"
          type="search"
          className="toolbar-filter"
          placeholder="Email or user id"
          spellCheck={false}
          value={actorInput}
          onChange={(e) => setActorInput(e.target.value)}
        />
        <SelectField
          label="Action"
          className="toolbar-filter"
          options={ACTION_OPTIONS}
          value={filters.action}
          onChange={(e) => set({ action: e.target.value })}
        />
        <DateRangeFields from={filters.from} to={filters.to} onChange={set} />
        {filtered && (
          <Button
            variant="ghost"
            onClick={() => {
              setActorInput('');
              setFilters(NO_FILTERS);
            }}
          >
            Clear filters
          </Button>
        )}
        <Button
          className="toolbar-end"
          onClick={() => void first.reload()}
          loading={first.loading && !!pages}
        >
          Refresh
        </Button>
      </div>

      <div className="card">
        {!firstLoad && !first.error && items.length === 0 ? (
          <EmptyState
            icon={<ListIcon size={24} />}
            title={filtered ? 'No entries match these filters' : 'The audit log is empty'}
          >
            {filtered
              ? 'Try another actor or action, or a wider date range.'
              : 'Sign-ins, user changes, credential use and workflow changes are recorded here.'}
          </EmptyState>
        ) : (
          <table className="table" aria-label="Audit log" aria-busy={first.loading}>
            <colgroup>
              <col style={{ width: 170 }} />
              <col style={{ width: '22%' }} />
              <col style={{ width: 200 }} />
              <col />
              <col style={{ width: 130 }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">IP</th>
              </tr>
            </thead>
            <tbody>
              {firstLoad && <SkeletonRows columns={5} rows={6} />}
              {items.map((entry) => (
                <AuditRow key={entry.id} entry={entry} names={names} />
              ))}
            </tbody>
          </table>
        )}
        {first.error !== undefined && (
          <p className="table-message alert alert-error" role="alert">
            Could not load the audit log: {errorMessage(first.error)}
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
    </>
  );
}

/**
 * Most entries name their target by id only: look the ids up in the lists this user may read
 * (a failed list just leaves its ids as they are).
 */
function useTargetNames(): TargetNames {
  const lists = useLoad(
    () =>
      Promise.allSettled([
        api.workflows.list(),
        api.users.list(),
        api.projects.list(),
        api.credentials.list(),
        api.variables.list(),
      ]),
    [],
  );
  return useMemo(() => {
    const names: TargetNames = new Map();
    const [workflows, users, projects, credentials, variables] = lists.data ?? [];
    if (workflows?.status === 'fulfilled')
      for (const w of workflows.value.items) names.set(`workflow:${w.id}`, w.name);
    if (users?.status === 'fulfilled') for (const u of users.value.items) names.set(`user:${u.id}`, u.email);
    if (projects?.status === 'fulfilled')
      for (const p of projects.value.items) names.set(`project:${p.id}`, p.name);
    if (credentials?.status === 'fulfilled')
      for (const c of credentials.value.items) names.set(`credential:${c.id}`, c.name);
    if (variables?.status === 'fulfilled')
      for (const v of variables.value.items) names.set(`variable:${v.id}`, v.key);
    return names;
  }, [lists.data]);
}

function AuditRow({ entry, names }: { entry: AuditEntry; names: TargetNames }) {
  const target = targetText(entry, names);
  const details = entry.details && Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : '';
  return (
    <tr>
      <td title={formatDateTime(entry.at)}>
        {formatShortDateTime(entry.at)}
        <span className="row-subtitle">{relativeTime(entry.at)}</span>
      </td>
      <td className="cell-ellipsis" title={entry.actorId ?? undefined}>
        {actorText(entry)}
      </td>
      <td>
        <span className={`audit-action audit-action-${actionTone(entry.action)}`}>{entry.action}</span>
      </td>
      <td className="cell-name" title={details || undefined}>
        {target ? (
          <>
            <span className="row-title">
              <span className="muted audit-target-type">{target.type}</span> {target.label}
            </span>
            {target.label !== entry.targetId && entry.targetId && (
              <span className="row-subtitle mono">{entry.targetId}</span>
            )}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="mono" title={entry.userAgent ?? undefined}>
        {entry.ip ?? <span className="muted">—</span>}
      </td>
    </tr>
  );
}
