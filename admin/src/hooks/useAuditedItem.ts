import { useEffect, useRef } from 'react';
import { useLoadItem, type LoadedItem } from './useLoadItem';

/**
 * `useLoadItem` for reads the server audits (an alert, a booking, session notes): one request per
 * opening, so React's development double-mount does not write a second audit entry. Later changes
 * come back in the answers to actions (`setItem`); closing (`key` null) lets the next opening read again.
 */
export function useAuditedItem<T>(key: number | null, load: (key: number) => Promise<T>, failMessage: string): LoadedItem<T> {
  const pending = useRef<{ key: number; answer: Promise<T> } | null>(null);
  useEffect(() => {
    if (key === null) pending.current = null;
  }, [key]);
  return useLoadItem(
    key,
    () => {
      if (key === null) return Promise.reject(new Error('nothing to load'));
      if (pending.current?.key !== key) pending.current = { key, answer: load(key) };
      return pending.current.answer;
    },
    failMessage,
  );
}
