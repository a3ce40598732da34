import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { Page } from '@xinqiao/shared';
import { usePagedList } from './usePagedList';
import { useResident } from './useResident';

/**
 * A signed-in resident's own records as an infinite-scroll list ("我的活动", "我的测评"): reloaded
 * each time the page shows (a record may have changed on another page), on pull-down and on
 * reaching the bottom; nothing is fetched while signed out.
 */
export function useMyPagedList<T>(keyOf: (item: T) => unknown, fetchPage: (page: number) => Promise<Page<T>>) {
  const { resident, refresh, setProfile } = useResident();
  const { list, setList, load: loadPage, hasMore } = usePagedList(keyOf, { keepItemsOnReload: true });
  const load = useCallback((page: number) => loadPage(page, () => fetchPage(page)), [loadPage, fetchPage]);

  const [shown, setShown] = useState(0);
  useDidShow(() => {
    void refresh();
    setShown((n) => n + 1);
  });

  const signedIn = resident.status === 'signedIn';
  useEffect(() => {
    if (signedIn && shown > 0) void load(1);
  }, [signedIn, shown, load]);

  usePullDownRefresh(() => {
    if (!signedIn) {
      Taro.stopPullDownRefresh();
      return;
    }
    void load(1).finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    if (signedIn && !list.loading && !list.error && hasMore) void load(list.page + 1);
  });

  /** After a failed load: the page that failed (the next one, or the first when nothing is shown). */
  const retry = useCallback(() => load(list.items.length ? list.page + 1 : 1), [load, list.items.length, list.page]);

  return { resident, setProfile, list, setList, load, retry, hasMore };
}
