import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';

export interface LoadState<T> {
  data: T | undefined;
  /** the thrown error itself: the tabs tell a 403 (no access) from other failures */
  error: unknown;
  loading: boolean;
  reload(): Promise<void>;
  setData(update: (current: T | undefined) => T | undefined): void;
}

/** Like lib/use-async, but keeps the error object (status code) instead of only its message. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): LoadState<T> {
  const [data, setDataState] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const loader = useCallback(load, deps);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const result = await loader();
      if (mine !== seq.current) return;
      setDataState(result);
      setError(undefined);
    } catch (e) {
      if (mine !== seq.current) return;
      setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [loader]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) => setDataState(update),
    [],
  );
  return { data, error, loading, reload, setData };
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/** Owners and admins manage users, projects and members and read the audit log. */
export function isInstanceAdmin(role: string): boolean {
  return role === 'owner' || role === 'admin';
}
