import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.js';

export interface AsyncState<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  /** re-runs the loader; keeps the current data on screen meanwhile (no flash of skeletons) */
  reload(): Promise<void>;
  /** local update after a mutation, without a round trip */
  setData(update: (current: T | undefined) => T | undefined): void;
}

/** Loads data for a page; re-runs when `deps` change; ignores answers to stale requests. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setDataState] = useState<T>();
  const [error, setError] = useState<string>();
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
      setError(errorMessage(e));
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
