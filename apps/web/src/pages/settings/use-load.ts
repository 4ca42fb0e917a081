import { ApiError } from '../../api/client.js';
import { useAsync, type AsyncState } from '../../lib/use-async.js';

export interface LoadState<T> extends Omit<AsyncState<T>, 'error' | 'cause'> {
  /** the thrown error itself: the tabs tell a 403 (no access) from other failures */
  error: unknown;
}

/** lib/use-async with the error object (status code) as `error` instead of only its message. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): LoadState<T> {
  const { cause, error: _message, ...rest } = useAsync(load, deps);
  return { ...rest, error: cause };
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/** Owners and admins manage users, projects and members and read the audit log. */
export function isInstanceAdmin(role: string): boolean {
  return role === 'owner' || role === 'admin';
}
