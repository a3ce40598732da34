import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from '../api/client';

export interface LoadedItem<T> {
  /** The loaded item; null while loading, after an error, or when there is nothing to load. */
  item: T | null;
  /** Why loading failed, as the server said it (zh-CN), or `failMessage` when it said nothing usable. */
  error: ApiRequestError | null;
  loading: boolean;
  /** Replace the item after a save answered with the new version. */
  setItem: (item: T) => void;
  /** Load again (e.g. after another user's change answered 409). */
  reload: () => void;
}

/**
 * Load one item for a page: `load` is called whenever `key` changes (pass `null` as the key for
 * "nothing to load", e.g. a create page); an answer that arrives after the key changed or the page
 * closed is dropped, so a slow response never overwrites a newer one.
 */
export function useLoadItem<T>(key: string | number | null, load: () => Promise<T>, failMessage: string): LoadedItem<T> {
  const [item, setItem] = useState<T | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [loading, setLoading] = useState(key !== null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    let current = true;
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (!current) return;
        setItem(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'UNKNOWN', failMessage));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; the key says when the item to load changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { item, error, loading, setItem, reload };
}
