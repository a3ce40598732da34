import { useCallback, useRef, useState } from 'react';
import type { Page } from '@xinqiao/shared';

export interface PagedListState<T> {
  items: T[];
  page: number;
  total: number;
  loading: boolean;
  error: string | null;
}

/**
 * State of an infinite-scroll list (load a page, append it, remember the error) shared by the
 * list pages. `load(page, fetchPage)` drops answers that a newer load has superseded, and skips
 * items already shown (a page may shift while the resident scrolls).
 * With `keepItemsOnReload` a reload of page 1 keeps showing the old items until the new ones arrive.
 */
export function usePagedList<T>(keyOf: (item: T) => unknown, { keepItemsOnReload = false } = {}) {
  const [list, setList] = useState<PagedListState<T>>(() => ({ ...emptyList<T>(), loading: true }));
  const seq = useRef(0);
  // Read through refs so `load` stays stable for effects and callbacks.
  const options = useRef({ keyOf, keepItemsOnReload });
  options.current = { keyOf, keepItemsOnReload };

  const load = useCallback(async (page: number, fetchPage: () => Promise<Page<T>>) => {
    const mine = ++seq.current;
    const { keyOf: key, keepItemsOnReload: keep } = options.current;
    setList((s) => ({ ...(page === 1 ? { ...emptyList<T>(), items: keep ? s.items : [] } : s), loading: true, error: null }));
    try {
      const res = await fetchPage();
      if (mine !== seq.current) return;
      setList((s) => ({
        items: page === 1 ? res.items : [...s.items, ...res.items.filter((a) => !s.items.some((b) => key(b) === key(a)))],
        page: res.page,
        total: res.total,
        loading: false,
        error: null,
      }));
    } catch (e) {
      if (mine !== seq.current) return;
      setList((s) => ({ ...s, loading: false, error: (e as Error).message }));
    }
  }, []);

  return { list, setList, load, hasMore: list.items.length < list.total };
}

function emptyList<T>(): PagedListState<T> {
  return { items: [], page: 0, total: 0, loading: false, error: null };
}
