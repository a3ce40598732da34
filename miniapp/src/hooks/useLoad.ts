import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';

/** What a page that loads one thing shows: a spinner, the thing, or why not (and whether retrying may help). */
export type LoadState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string; retry: boolean };

/** A failure that retrying cannot fix (a malformed link): shown without 点击重试. */
export class FinalLoadError extends Error {}

export interface UseLoadOptions {
  /** `mount` (default): load when the page opens and when `fetch` changes; `show`: on every show too. */
  when?: 'mount' | 'show';
  /** Shown instead of the server's message when the thing is not there (404), without a retry. */
  notFound?: string;
  /** A failed reload keeps the data already shown and only toasts the reason. */
  keepOnError?: boolean;
}

export interface UseLoadInitial<T> {
  /** Data already at hand (handed over in memory by the page before): shown at once, not loaded on mount. */
  initial?: T | null;
}

/**
 * Loads one thing for a page. A reload keeps what is shown until the new answer arrives, and an
 * answer superseded by a newer load is dropped. `fetch` should be memoised on what it reads
 * (route params): a new `fetch` loads again.
 */
export function useLoad<T>(
  fetch: () => Promise<T>,
  { when = 'mount', notFound, keepOnError = false, initial = null }: UseLoadOptions & UseLoadInitial<T> = {},
) {
  const [handed] = useState(initial);
  const [state, setState] = useState<LoadState<T>>(handed === null ? { status: 'loading' } : { status: 'ready', data: handed });
  const seq = useRef(0);
  const shown = useRef(handed !== null);
  // Read through a ref so `reload` changes only with `fetch`.
  const options = useRef({ notFound, keepOnError });
  useEffect(() => {
    options.current = { notFound, keepOnError };
  }, [notFound, keepOnError]);

  const reload = useCallback(async (): Promise<T | null> => {
    const mine = ++seq.current;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    try {
      const data = await fetch();
      if (mine !== seq.current) return null;
      shown.current = true;
      setState({ status: 'ready', data });
      return data;
    } catch (e) {
      if (mine !== seq.current) return null;
      const failure = describeFailure(e, options.current.notFound);
      if (shown.current && failure.retry && options.current.keepOnError) void Taro.showToast({ title: failure.message, icon: 'none' });
      else setState({ status: 'error', ...failure });
      return null;
    }
  }, [fetch]);

  useEffect(() => {
    if (when === 'mount' && handed === null) void reload();
  }, [when, handed, reload]);

  useDidShow(() => {
    if (when === 'show') void reload();
  });

  /** Replaces the loaded data after a change the page made itself (no reload needed). */
  const setData = useCallback((update: (data: T) => T) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', data: update(s.data) } : s));
  }, []);

  return { state, data: state.status === 'ready' ? state.data : null, reload, setData };
}

function describeFailure(e: unknown, notFound: string | undefined): { message: string; retry: boolean } {
  const err = e as Error & { statusCode?: number };
  if (e instanceof FinalLoadError) return { message: err.message, retry: false };
  if (err.statusCode === 404) return { message: notFound ?? err.message, retry: false };
  return { message: err.message, retry: true };
}
