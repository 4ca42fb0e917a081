import type { ExecutionListQuery, ExecutionStatus } from '../../api/client.js';

/** The executions list's filters, kept in the URL (?workflowId=&status=&from=&to=) so links can open it filtered. */
export interface ExecutionFilters {
  workflowId: string;
  status: '' | ExecutionStatus;
  /** YYYY-MM-DD (local day) */
  from: string;
  to: string;
}

export const STATUS_OPTIONS: { value: ExecutionFilters['status']; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: 'error', label: 'Failed' },
  { value: 'success', label: 'Succeeded' },
  { value: 'running', label: 'Running' },
  { value: 'waiting', label: 'Waiting' },
  { value: 'queued', label: 'Queued' },
  { value: 'canceled', label: 'Canceled' },
  { value: 'crashed', label: 'Crashed' },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromSearch(search: URLSearchParams): ExecutionFilters {
  const status = search.get('status') ?? '';
  return {
    workflowId: search.get('workflowId') ?? '',
    status: STATUS_OPTIONS.some((o) => o.value === status) ? (status as ExecutionFilters['status']) : '',
    from: DAY.test(search.get('from') ?? '') ? (search.get('from') ?? '') : '',
    to: DAY.test(search.get('to') ?? '') ? (search.get('to') ?? '') : '',
  };
}

export function filtersToSearch(filters: ExecutionFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Local calendar days → the server's ISO bounds (the `to` day is included in full). */
export function filtersToQuery(filters: ExecutionFilters): ExecutionListQuery {
  return {
    workflowId: filters.workflowId || undefined,
    status: filters.status ? [filters.status] : undefined,
    from: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : undefined,
  };
}
