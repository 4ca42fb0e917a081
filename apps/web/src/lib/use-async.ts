import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.js';

export interface AsyncState<T> {
  data: T | undefined;
  /** the failure's message, for display */
  error: string | undefined;
  /** the thrown error itself (e.g. to tell a 403 from other failures) */
  cause: unknown;
  loading: boolean;
  /** re-runs the loader; keeps the current data on screen meanwhile (no flash of skeletons) */
  reload(): Promise<void>;
  /** local update after a mutation, without a round trip */
  setData(update: (current: T | undefined) => T | undefined): void;
}

/** Loads data for a page; re-runs when `deps` change; ignores answers to stale requests. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setDataState] = useState<T>();
  const [cause, setCause] = useState<unknown>();
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
      setCause(undefined);
    } catch (e) {
      if (mine !== seq.current) return;
      setCause(e);
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
  const error = cause === undefined ? undefined : errorMessage(cause);
  return { data, error, cause, loading, reload, setData };
}
