import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { useToast } from '../ui/toast.js';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The list behind a "Load more" button: starts from `first` (the first page, loaded by the caller
 * so it can follow its filters), appends the page after the server's cursor, and reports a failed
 * load as a toast naming `what`.
 */
export function useCursorPages<T>(
  first: CursorPage<T> | undefined,
  fetchPage: (cursor: string) => Promise<CursorPage<T>>,
  what: string,
) {
  const toast = useToast();
  const [pages, setPages] = useState<CursorPage<T>>();
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => setPages(first), [first]);

  const loadMore = async (): Promise<void> => {
    if (!pages?.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await fetchPage(pages.nextCursor);
      setPages({ items: [...pages.items, ...next.items], nextCursor: next.nextCursor });
    } catch (e) {
      toast.error(`Could not load more ${what}: ${errorMessage(e)}`);
    } finally {
      setLoadingMore(false);
    }
  };

  return { pages, setPages, loadMore, loadingMore };
}
