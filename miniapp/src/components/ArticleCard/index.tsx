import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { ARTICLE_CATEGORY_LABELS, type ArticleSummary } from '@xinqiao/shared';
import { assetUrl } from '../../services/config';
import { formatCount, formatDate } from '../../utils/format';
import './index.scss';

export const ARTICLE_DETAIL_URL = '/packageArticles/pages/detail/index';

export function openArticle(id: number): void {
  void Taro.navigateTo({ url: `${ARTICLE_DETAIL_URL}?id=${id}` });
}

export default function ArticleCard({ article }: { article: ArticleSummary }) {
  const cover = assetUrl(article.coverUrl);
  return (
    <View className="article-card" onClick={() => openArticle(article.id)}>
      <View className="article-card__body">
        <Text className="article-card__title">{article.title}</Text>
        {article.summary ? <Text className="article-card__summary">{article.summary}</Text> : null}
        <View className="article-card__meta">
          <Text className="article-card__tag">{ARTICLE_CATEGORY_LABELS[article.category] ?? article.category}</Text>
          <Text className="article-card__meta-item">{formatDate(article.publishedAt)}</Text>
          <Text className="article-card__meta-item article-card__views">{formatCount(article.viewCount)} 次阅读</Text>
        </View>
      </View>
      {cover ? <Image className="article-card__cover" src={cover} mode="aspectFill" lazyLoad /> : null}
    </View>
  );
}
