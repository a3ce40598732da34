import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';
import { ARTICLE_CATEGORIES, ARTICLE_CATEGORY_LABELS, type ArticleCategory, type ArticleSummary } from '@xinqiao/shared';
import ArticleCard from '../../components/ArticleCard';
import LoadStatus from '../../components/LoadStatus';
import PrivacyNotice from '../../components/PrivacyNotice';
import { usePagedList } from '../../hooks/usePagedList';
import { listArticles } from '../../services/api';
import './index.scss';

export const ARTICLE_PAGE_SIZE = 10;
const ALL = 'all';
type CategoryTab = ArticleCategory | typeof ALL;

export const CATEGORY_TABS: Array<{ value: CategoryTab; title: string }> = [
  { value: ALL, title: '全部' },
  ...ARTICLE_CATEGORIES.map((c) => ({ value: c, title: ARTICLE_CATEGORY_LABELS[c] })),
];

export default function Articles() {
  const [category, setCategory] = useState<CategoryTab>(ALL);
  // Answers for a category the resident has already left are dropped (usePagedList).
  const { list, load: loadPage, hasMore } = usePagedList((a: ArticleSummary) => a.id);
  const load = useCallback(
    (cat: CategoryTab, page: number) =>
      loadPage(page, () => listArticles({ category: cat === ALL ? undefined : cat, page, pageSize: ARTICLE_PAGE_SIZE }, { toast: page > 1 })),
    [loadPage],
  );

  useEffect(() => {
    void load(category, 1);
  }, [category, load]);

  usePullDownRefresh(() => {
    void load(category, 1).finally(() => Taro.stopPullDownRefresh());
  });

  const loadMore = () => {
    if (!list.loading && !list.error && hasMore) void load(category, list.page + 1);
  };
  useReachBottom(loadMore);

  const retry = () => void load(category, list.items.length ? list.page + 1 : 1);

  return (
    <View className="articles">
      <Tabs className="articles__tabs" value={category} activeType="line" align="left" onChange={(v) => setCategory(String(v) as CategoryTab)}>
        {CATEGORY_TABS.map((t) => (
          <Tabs.TabPane key={t.value} title={t.title} value={t.value} />
        ))}
      </Tabs>

      <View className="articles__list">
        {list.items.map((a) => (
          <ArticleCard key={a.id} article={a} />
        ))}
        <LoadStatus loading={list.loading} error={list.error} onRetry={retry} empty={list.items.length === 0 && '这个栏目还没有文章'} />
        {!list.loading && !list.error && list.items.length > 0 && !hasMore && <View className="list-status">没有更多了</View>}
        {!list.loading && !list.error && hasMore && (
          <View className="list-status" onClick={loadMore}>
            上拉或点击加载更多
          </View>
        )}
      </View>
      <PrivacyNotice />
    </View>
  );
}
