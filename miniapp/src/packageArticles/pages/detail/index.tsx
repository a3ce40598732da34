import { useCallback } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Image, RichText, Text, View } from '@tarojs/components';
import { ARTICLE_CATEGORY_LABELS, type ArticleDetail } from '@xinqiao/shared';
import HotlineCard from '../../../components/HotlineCard';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { FinalLoadError, useLoad } from '../../../hooks/useLoad';
import { getArticle } from '../../../services/api';
import { apiOrigin, assetUrl } from '../../../services/config';
import { formatCount, formatDate } from '../../../utils/format';
import { prepareRichTextHtml } from '../../../utils/richtext';
import './index.scss';

/** Server-sanitised HTML: innerHTML on H5, the <rich-text> component on WeChat. */
function ArticleBody({ html }: { html: string }) {
  if (process.env.TARO_ENV === 'h5') {
    return <View className="article-body" dangerouslySetInnerHTML={{ __html: html }} />;
  }
  return <RichText className="article-body" nodes={prepareRichTextHtml(html, apiOrigin())} />;
}

export default function ArticleDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const fetchArticle = useCallback(async (): Promise<ArticleDetail> => {
    if (!Number.isInteger(id) || id <= 0) throw new FinalLoadError('文章地址有误');
    const article = await getArticle(id);
    void Taro.setNavigationBarTitle({ title: ARTICLE_CATEGORY_LABELS[article.category] ?? '科普详情' });
    return article;
  }, [id]);
  const { state, data: article, reload } = useLoad(fetchArticle);

  useShareAppMessage(() => ({
    title: article ? article.title : '心桥 · 心理科普',
    path: `/packageArticles/pages/detail/index?id=${id}`,
  }));

  if (!article) return <LoadStatus state={state} onRetry={() => void reload()} className="article-page" />;

  const cover = assetUrl(article.coverUrl);
  return (
    <View className="article-page">
      <Text className="article-title">{article.title}</Text>
      <View className="article-meta">
        <Text className="article-meta__tag">{ARTICLE_CATEGORY_LABELS[article.category] ?? article.category}</Text>
        <Text className="article-meta__item">{formatDate(article.publishedAt)}</Text>
        <Text className="article-meta__item">{formatCount(article.viewCount)} 次阅读</Text>
        {article.regionName ? <Text className="article-meta__item">{article.regionName}</Text> : null}
      </View>
      {cover ? <Image className="article-cover" src={cover} mode="widthFix" /> : null}
      <ArticleBody html={article.body} />
      {article.source ? <Text className="article-source">来源：{article.source}</Text> : null}
      <View className="article-help">
        <Text className="article-help__title">需要倾诉或帮助？</Text>
        <HotlineCard compact />
      </View>
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
