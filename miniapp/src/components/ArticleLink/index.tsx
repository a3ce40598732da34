import { Text, View } from '@tarojs/components';
import type { ArticleSummary } from '@xinqiao/shared';
import { openArticle } from '../ArticleCard';
import './index.scss';

/** A suggested or linked article (title and summary only) that opens the article page. */
export default function ArticleLink({ article }: { article: Pick<ArticleSummary, 'id' | 'title' | 'summary'> }) {
  return (
    <View className="article-link" onClick={() => openArticle(article.id)}>
      <Text className="article-link__title">{article.title}</Text>
      {article.summary ? <Text className="article-link__summary">{article.summary}</Text> : null}
    </View>
  );
}
